package io.scimgate.core.testing;

import io.scimgate.core.ProvisioningCore;
import io.scimgate.core.directory.DirectoryProvider;
import io.scimgate.core.directory.DirectoryUser;
import io.scimgate.core.directory.DirectoryUserData;
import io.scimgate.core.directory.EmailAddress;
import io.scimgate.core.domain.VerificationStrategy;
import io.scimgate.core.events.Event;
import io.scimgate.core.invitation.InvitationDelivery;
import io.scimgate.core.membership.Membership;
import io.scimgate.core.organization.Organizations;
import io.scimgate.core.organization.Role;
import io.scimgate.core.provisioning.ProvisioningState;
import io.scimgate.core.provisioning.ProvisioningStatus;
import io.scimgate.core.user.User;
import io.scimgate.core.store.RetrySchedule;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;

/**
 * A provisioning core with recording hooks (invitation sender, session revoker) and short ways to
 * say what a directory does: push, change, deactivate, delete a person.
 */
public final class ProvisioningFixture implements AutoCloseable {

    public final MutableClock clock = MutableClock.startingNow();
    public final List<InvitationDelivery> invitationsSent = Collections.synchronizedList(new ArrayList<>());
    public final List<String> sessionsRevoked = Collections.synchronizedList(new ArrayList<>());
    /** When set, the invitation sender throws it instead of recording the delivery. */
    public volatile RuntimeException invitationSenderFailure;
    /** Failed invitation deliveries are retried 1, 2, 4, then every 8 minutes, without jitter. */
    public static final RetrySchedule DELIVERY_RETRIES = new RetrySchedule(Duration.ofMinutes(1), Duration.ofMinutes(8), false);
    private final TestCore test;

    public ProvisioningFixture() {
        this(UnaryOperator.identity());
    }

    /** With the store's DataSource wrapped (e.g. to record what statements write: {@link WrittenTables}). */
    public ProvisioningFixture(UnaryOperator<DataSource> wrap) {
        test = TestCore.start(wrap, builder -> builder.clock(clock)
                .invitationSender(this::recordInvitation)
                .invitationDeliveryRetries(DELIVERY_RETRIES)
                .sessionRevoker((userId, organizationId) -> sessionsRevoked.add(userId + "@" + organizationId))
                .invitationAcceptUrl("https://app.example/join?token={token}"));
    }

    private void recordInvitation(InvitationDelivery delivery) {
        RuntimeException failure = invitationSenderFailure;
        if (failure != null) {
            throw failure;
        }
        invitationsSent.add(delivery);
    }

    public ProvisioningCore core() {
        return test.core();
    }

    @Override
    public void close() {
        test.close();
    }

    public String organization(String name, String... verifiedDomains) {
        String id = core().organizations().create(name).id();
        for (String domain : verifiedDomains) {
            verifyDomain(id, domain);
        }
        return id;
    }

    /** Gives the organization the roles {@code slugs} besides its default {@code member} (P26). */
    public void roles(String organizationId, String... slugs) {
        roles(core(), organizationId, slugs);
    }

    public static void roles(ProvisioningCore core, String organizationId, String... slugs) {
        List<Role> roles = new ArrayList<>();
        roles.add(new Role(Organizations.DEFAULT_ROLE, "Member", true));
        for (String slug : slugs) {
            roles.add(new Role(slug, slug, false));
        }
        core.organizationRoles().replace(organizationId, roles);
    }

    public void verifyDomain(String organizationId, String domain) {
        String domainId = core().domains().add(organizationId, domain, VerificationStrategy.MANUAL).id();
        core().domains().verify(organizationId, domainId);
    }

    public String directory(String organizationId) {
        return core().directories().create(organizationId, "Directory", DirectoryProvider.GENERIC).directory().id();
    }

    /** A person as a directory sends them: userName = email, work email marked primary. */
    public static DirectoryUserData person(String email, String givenName, String familyName) {
        return new DirectoryUserData(email == null ? "no-email-" + givenName : email, null, true, null, givenName, familyName,
                email == null ? List.of() : List.of(new EmailAddress(email, "work", true)), null, null, null,
                "{\"userName\":\"" + email + "\",\"given\":\"" + givenName + "\"}");
    }

    public static DirectoryUserData person(String email) {
        return person(email, "Given", "Family");
    }

    public DirectoryUser push(String directoryId, DirectoryUserData data) {
        return core().directoryUsers().create(directoryId, data);
    }

    public DirectoryUser change(String directoryId, String id, UnaryOperator<DirectoryUserData> change) {
        return core().directoryUsers().update(directoryId, id, null, current -> change.apply(dataOf(current)));
    }

    public DirectoryUser setActive(String directoryId, String id, boolean active) {
        return change(directoryId, id, data -> with(data, active));
    }

    public void delete(String directoryId, String id) {
        core().directoryUsers().delete(directoryId, id, null);
    }

    public static DirectoryUserData with(DirectoryUserData data, boolean active) {
        return new DirectoryUserData(data.userName(), data.externalId(), active, data.displayName(), data.givenName(),
                data.familyName(), data.emails(), data.title(), data.employeeNumber(), data.department(),
                data.attributes());
    }

    public static DirectoryUserData withNames(DirectoryUserData data, String givenName, String familyName) {
        return new DirectoryUserData(data.userName(), data.externalId(), data.active(), data.displayName(), givenName,
                familyName, data.emails(), data.title(), data.employeeNumber(), data.department(),
                "{\"userName\":\"" + data.userName() + "\",\"given\":\"" + givenName + "\",\"family\":\"" + familyName + "\"}");
    }

    public static DirectoryUserData withEmail(DirectoryUserData data, String email) {
        return new DirectoryUserData(data.userName(), data.externalId(), data.active(), data.displayName(), data.givenName(),
                data.familyName(), email == null ? List.of() : List.of(new EmailAddress(email, "work", true)), data.title(),
                data.employeeNumber(), data.department(), "{\"userName\":\"" + data.userName() + "\",\"email\":\"" + email + "\"}");
    }

    /** What the directory last said, rebuilt from the stored user (enough for these tests). */
    private static DirectoryUserData dataOf(DirectoryUser user) {
        return new DirectoryUserData(user.userName(), user.externalId(), user.active(), user.displayName(),
                user.givenName(), user.familyName(),
                user.primaryEmail() == null ? List.of() : List.of(new EmailAddress(user.primaryEmail(), "work", true)),
                user.title(), user.employeeNumber(), user.department(), user.attributes());
    }

    public ProvisioningStatus status(String directoryId, String directoryUserId) {
        return core().directoryUserStatuses().find(directoryId, directoryUserId).orElseThrow().status();
    }

    public ProvisioningState state(String directoryId, String directoryUserId) {
        return status(directoryId, directoryUserId).state();
    }

    public Optional<User> user(String email) {
        return core().users().findByEmail(email);
    }

    public Optional<Membership> membership(String organizationId, String email) {
        return user(email).flatMap(user -> core().memberships().find(organizationId, user.id()));
    }

    public List<String> events(String... types) {
        return core().events().list(0, 100, Set.of(types), null).stream().map(Event::event).toList();
    }

    public List<Event> eventsOf(String type) {
        return core().events().list(0, 100, Set.of(type), null);
    }

    public long lastEventId() {
        List<Event> all = new ArrayList<>();
        long after = 0;
        List<Event> page;
        while (!(page = core().events().list(after, 100, Set.of(), null)).isEmpty()) {
            all.addAll(page);
            after = page.get(page.size() - 1).id();
        }
        return after;
    }

    public List<String> eventsAfter(long after) {
        return core().events().list(after, 100, Set.of(), null).stream().map(Event::event).toList();
    }
}
