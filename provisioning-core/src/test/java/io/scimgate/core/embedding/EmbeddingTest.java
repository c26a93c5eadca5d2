package io.scimgate.core.embedding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimgate.core.ProvisioningCore;
import io.scimgate.core.directory.DirectoryProvider;
import io.scimgate.core.directory.DirectoryUserData;
import io.scimgate.core.directory.EmailAddress;
import io.scimgate.core.domain.VerificationStrategy;
import io.scimgate.core.events.Event;
import io.scimgate.core.invitation.InvitationDelivery;
import io.scimgate.core.invitation.InvitationState;
import io.scimgate.core.membership.MembershipStatus;
import io.scimgate.core.testing.TestDatabase;
import io.scimgate.core.testing.TestDatabases;
import io.scimgate.core.user.User;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * What a host application does to embed scimgate: it brings its own DataSource (no pool of ours,
 * no HTTP server), plugs in its hooks, lets directories change people, and reads the results.
 */
class EmbeddingTest {

    private static DataSource hostDataSource(TestDatabase database) {
        if (database.isPostgres()) {
            PGSimpleDataSource postgres = new PGSimpleDataSource();
            postgres.setURL(database.jdbcUrl());
            postgres.setUser(database.user());
            postgres.setPassword(database.password());
            return postgres;
        }
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(database.jdbcUrl());
        return h2;
    }

    @Test
    void aHostAppBuildsTheCoreOnItsOwnDataSourceAndHearsAboutEveryChange() {
        List<Event> heard = Collections.synchronizedList(new ArrayList<>());
        List<String> revoked = Collections.synchronizedList(new ArrayList<>());
        List<InvitationDelivery> delivered = Collections.synchronizedList(new ArrayList<>());

        ProvisioningCore core = ProvisioningCore.builder()
                .dataSource(hostDataSource(TestDatabases.create()))
                .eventListener(heard::add)
                .sessionRevoker((userId, organizationId) -> revoked.add(userId))
                .invitationSender(delivered::add)
                .invitationAcceptUrl("https://host.example/invitations/{token}")
                .build();

        String acme = core.organizations().create("Acme").id();
        core.domains().verify(acme, core.domains().add(acme, "acme.com", VerificationStrategy.MANUAL).id());
        String directory = core.directories().create(acme, "HR feed", DirectoryProvider.GENERIC).directory().id();

        String employee = core.directoryUsers().create(directory, person("ana@acme.com")).id();
        core.directoryUsers().create(directory, person("gus@partner.example"));

        User ana = core.users().findByEmail("ana@acme.com").orElseThrow();
        assertEquals(MembershipStatus.ACTIVE, core.memberships().find(acme, ana.id()).orElseThrow().status());
        assertEquals(1, core.invitations().list(acme, InvitationState.PENDING).size());
        assertEquals(1, delivered.size());
        assertTrue(delivered.get(0).acceptUrl().startsWith("https://host.example/invitations/sgi_"));

        core.directoryUsers().update(directory, employee, null, current -> new DirectoryUserData(current.userName(),
                current.externalId(), false, current.displayName(), current.givenName(), current.familyName(),
                List.of(new EmailAddress(current.primaryEmail(), "work", true)), null, null, null, current.attributes()));
        assertEquals(MembershipStatus.INACTIVE, core.memberships().find(acme, ana.id()).orElseThrow().status());
        assertEquals(List.of(ana.id()), revoked);

        // Listeners hear events once the relay published them, just after commit; reading the feed
        // waits for that, so by then they have heard everything read.
        List<Long> stored = core.events().list(0, 100, List.of(), null).stream().map(Event::id).toList();
        List<String> types = heard.stream().map(Event::event).toList();
        assertTrue(types.containsAll(List.of("user.created", "organization_membership.created", "invitation.created",
                "organization_membership.updated", "dsync.user.updated")), types.toString());
        assertEquals(stored, heard.stream().map(Event::id).toList(), "listeners hear every stored event, in order");
        core.close();
    }

    private static DirectoryUserData person(String email) {
        return new DirectoryUserData(email, null, true, null, "Given", "Family",
                List.of(new EmailAddress(email, "work", true)), null, null, null, "{\"userName\":\"" + email + "\"}");
    }
}
