package io.scimgate.core.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.scimgate.core.directory.DirectoryUser;
import io.scimgate.core.directory.DirectoryUserData;
import io.scimgate.core.directory.EmailAddress;
import io.scimgate.core.membership.MembershipStatus;
import io.scimgate.core.testing.ProvisioningFixture;
import io.scimgate.core.testing.WrittenTables;
import io.scimgate.core.user.User;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A create or an update writes its directory user's row once, with the provisioning columns that the
 * rules decide (P9–P12, P19): a second write of the row rewrote every index of it (on PostgreSQL
 * every one, as the link's columns are indexed).
 */
class DirectoryUserRowWritesTest {

    private static final Pattern INSERT = Pattern.compile(
            "insert\\s+into\\s+(\"?\\w+\"?\\.)?\"?directory_user\"?[\\s(]", Pattern.CASE_INSENSITIVE); // H2: inside SELECT … FROM FINAL TABLE
    private static final Pattern UPDATE = Pattern.compile("^\\s*update\\s+(\"?\\w+\"?\\.)?\"?directory_user\"?\\s", Pattern.CASE_INSENSITIVE);

    private final WrittenTables writes = new WrittenTables();
    private ProvisioningFixture f;
    private String organizationId;
    private String directoryId;

    @BeforeEach
    void start() {
        f = new ProvisioningFixture(writes::wrap);
        organizationId = f.organization("Acme", "acme.example");
        directoryId = f.directory(organizationId);
        writes.reset();
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private void assertRowWrites(long inserts, long updates) {
        assertEquals(inserts, writes.statementsMatching(INSERT), "inserts of directory_user");
        assertEquals(updates, writes.statementsMatching(UPDATE), "updates of directory_user");
    }

    @Test
    void P12_aNewPersonsDirectoryUserIsInsertedAlreadyHoldingTheUserCreatedForIt() {
        DirectoryUser ana = f.push(directoryId, ProvisioningFixture.person("ana@acme.example"));

        assertRowWrites(1, 0);
        User user = f.user("ana@acme.example").orElseThrow();
        ProvisioningStatus status = f.status(directoryId, ana.id());
        assertEquals(ProvisioningState.PROVISIONED, status.state());
        assertEquals(user.id(), status.userId());
        assertEquals(MembershipStatus.ACTIVE, f.membership(organizationId, "ana@acme.example").orElseThrow().status());
    }

    @Test
    void P11_P9_anInactiveOrEmaillessDirectoryUserIsInsertedInItsState() {
        DirectoryUser inactive = f.push(directoryId, ProvisioningFixture.with(ProvisioningFixture.person("bo@acme.example"), false));
        DirectoryUser emailless = f.push(directoryId, ProvisioningFixture.person(null));

        assertRowWrites(2, 0);
        assertEquals(ProvisioningState.INACTIVE, f.state(directoryId, inactive.id()));
        assertEquals(ProvisioningState.MISSING_EMAIL, f.state(directoryId, emailless.id()));
    }

    @Test
    void P12_aKnownPersonIsLinkedAfterTheInsertAsBefore() {
        String other = f.directory(organizationId);
        f.push(other, ProvisioningFixture.person("cy@acme.example"));
        writes.reset();

        DirectoryUser cy = f.push(directoryId, ProvisioningFixture.person("cy@acme.example"));

        // The person's lock is taken after the userName's key (the insert), so the claim is its own write.
        assertRowWrites(1, 1);
        assertEquals(f.user("cy@acme.example").orElseThrow().id(), f.status(directoryId, cy.id()).userId());
    }

    @Test
    void P10_aSecondDirectoryUserOfTheSameEmailWaitsNamingTheHolder() {
        DirectoryUser holder = f.push(directoryId, ProvisioningFixture.person("di@acme.example"));
        DirectoryUser second = f.push(directoryId, new DirectoryUserData("di-2", null, true, null,
                "Di", "Two", List.of(new EmailAddress("di@acme.example", "work", true)),
                null, null, null, "{}"));

        assertEquals(ProvisioningState.DUPLICATE_EMAIL, f.state(directoryId, second.id()));
        assertNull(f.status(directoryId, second.id()).userId());
        assertEquals(ProvisioningState.PROVISIONED, f.state(directoryId, holder.id()));
    }

    @Test
    void P19_aDeactivationWritesTheRowOnceWithItsDeprovisionedState() {
        DirectoryUser eve = f.push(directoryId, ProvisioningFixture.person("eve@acme.example"));
        writes.reset();

        f.setActive(directoryId, eve.id(), false);

        assertRowWrites(0, 1);
        assertEquals(ProvisioningState.DEPROVISIONED, f.state(directoryId, eve.id()));
        assertEquals(MembershipStatus.INACTIVE, f.membership(organizationId, "eve@acme.example").orElseThrow().status());

        writes.reset();
        f.setActive(directoryId, eve.id(), true);

        assertEquals(ProvisioningState.PROVISIONED, f.state(directoryId, eve.id()));
        assertEquals(MembershipStatus.ACTIVE, f.membership(organizationId, "eve@acme.example").orElseThrow().status());
    }
}
