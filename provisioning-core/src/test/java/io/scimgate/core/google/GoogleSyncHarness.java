package io.scimgate.core.google;

import io.scimgate.core.directory.DirectoryListings;
import io.scimgate.core.CoreInternals;
import io.scimgate.core.ProvisioningCore;
import io.scimgate.core.directory.DirectoryGroup;
import io.scimgate.core.directory.DirectoryProvider;
import io.scimgate.core.directory.DirectoryUser;
import io.scimgate.core.directory.GroupMember;
import io.scimgate.core.domain.VerificationStrategy;
import io.scimgate.core.events.Event;
import io.scimgate.core.invitation.InvitationDelivery;
import io.scimgate.core.membership.Membership;
import io.scimgate.core.provisioning.ProvisioningStatus;
import io.scimgate.core.secret.SecretBox;
import io.scimgate.core.store.schema.Tables;
import io.scimgate.core.testing.MutableClock;
import io.scimgate.core.testing.TestCore;
import io.scimgate.core.testing.WrittenTables;
import io.scimgate.core.testing.google.FakeAdminSdk;
import io.scimgate.core.testing.google.FakeWorkspace;
import io.scimgate.core.testing.google.TestServiceAccount;
import io.scimgate.core.user.User;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.jooq.impl.DSL;

/**
 * A provisioning core with a Google directory pointed at a fake Admin SDK on loopback, a test clock
 * that backoff waits move forward instead of sleeping, recording hooks (invitations sent, sessions
 * revoked, tables written), and short-cuts to read what the sync did.
 */
final class GoogleSyncHarness implements AutoCloseable {

    static final String ADMIN = "admin@corp.example";
    static final SecretBox SECRET_BOX = SecretBox.fromBase64("MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");

    final MutableClock clock = new MutableClock(Instant.parse("2025-03-01T09:00:00Z"));
    final List<Duration> waits = Collections.synchronizedList(new ArrayList<>());
    final FakeWorkspace workspace = new FakeWorkspace();
    final List<InvitationDelivery> invitationsSent = Collections.synchronizedList(new ArrayList<>());
    /** {@code <user id>@<organization id>}, one entry per call of the session revoker. */
    final List<String> sessionsRevoked = Collections.synchronizedList(new ArrayList<>());
    final WrittenTables writes = new WrittenTables();
    final FakeAdminSdk google;
    final TestCore test;
    final String organizationId;
    final String directoryId;

    GoogleSyncHarness() {
        this(UnaryOperator.identity());
    }

    /** @param options changes to the Google options the core is built with (already pointed at the fake) */
    GoogleSyncHarness(UnaryOperator<GoogleOptions> options) {
        google = new FakeAdminSdk(workspace, TestServiceAccount.create(), ADMIN);
        test = TestCore.start(writes::wrap, builder -> configure(builder, options));
        organizationId = core().organizations().create("Corp").id();
        directoryId = core().directories().create(organizationId, "Google", DirectoryProvider.GOOGLE).directory().id();
    }

    ProvisioningCore.Builder configure(ProvisioningCore.Builder builder, UnaryOperator<GoogleOptions> options) {
        Backoff.Sleeper movesClock = (duration, stop) -> {
            waits.add(duration);
            clock.advance(duration);
        };
        GoogleOptions pointed = GoogleOptions.defaults()
                .withEndpoints(google.tokenUrl(), google.apiBaseUrl())
                .withBackoff(Backoff.defaults().withSleeper(movesClock));
        return builder.clock(clock).secretBox(SECRET_BOX).google(options.apply(pointed))
                .invitationSender(invitationsSent::add)
                .sessionRevoker((userId, organizationId) -> sessionsRevoked.add(userId + "@" + organizationId));
    }

    /** Adds {@code domain} to the directory's organization, verified by the operator. */
    void verifyDomain(String domain) {
        String domainId = core().domains().add(organizationId, domain, VerificationStrategy.MANUAL).id();
        core().domains().verify(organizationId, domainId);
    }

    ProvisioningCore core() {
        return test.core();
    }

    GoogleSync sync() {
        return core().google();
    }

    /** Sets up the directory with the test service account and {@code groups} as filter. */
    GoogleDirectoryConfig configure(String... groups) {
        return sync().directories().configure(directoryId, new GoogleDirectorySettings(null, ADMIN,
                TestServiceAccount.create().keyJson(), null, List.of(groups), null));
    }

    SyncRun syncNow() {
        return sync().syncNow(directoryId).orElseThrow(() -> new AssertionError("the sync did not run"));
    }

    List<DirectoryUser> users() {
        return DirectoryListings.users(core()).find(directoryId, DSL.trueCondition(), List.of(), 0, 1000).items();
    }

    DirectoryUser user(String googleId) {
        return users().stream().filter(user -> googleId.equals(user.externalId())).findFirst()
                .orElseThrow(() -> new AssertionError("no directory user with externalId " + googleId));
    }

    boolean hasUser(String googleId) {
        return users().stream().anyMatch(user -> googleId.equals(user.externalId()));
    }

    List<DirectoryGroup> groups() {
        return DirectoryListings.groups(core()).find(directoryId, DSL.trueCondition(), List.of(), 0, 1000).items();
    }

    DirectoryGroup group(String googleId) {
        return groups().stream().filter(group -> googleId.equals(group.externalId())).findFirst()
                .orElseThrow(() -> new AssertionError("no directory group with externalId " + googleId));
    }

    /** The Google ids of a directory group's members. */
    Set<String> memberIds(String googleGroupId) {
        Set<String> ids = new TreeSet<>();
        for (GroupMember member : core().directoryGroups().members(directoryId, group(googleGroupId).id())) {
            ids.add(core().directoryUsers().get(directoryId, member.userId()).externalId());
        }
        return ids;
    }

    /** Every email address stored for a directory user, as the emails filter sees them. */
    List<String> emailsOf(String googleId) {
        String id = user(googleId).id();
        return CoreInternals.database(test.core()).dsl().select(Tables.DIRECTORY_USER_EMAIL.EMAIL_VALUE)
                .from(Tables.DIRECTORY_USER_EMAIL)
                .where(Tables.DIRECTORY_USER_EMAIL.DIRECTORY_USER_ID.eq(id))
                .orderBy(Tables.DIRECTORY_USER_EMAIL.POSITION)
                .fetch(Tables.DIRECTORY_USER_EMAIL.EMAIL_VALUE);
    }

    /** The provisioning state of the directory user with this Google id, and why. */
    ProvisioningStatus provisioning(String googleId) {
        return core().directoryUserStatuses().find(directoryId, user(googleId).id()).orElseThrow().status();
    }

    Optional<User> person(String email) {
        return core().users().findByEmail(email);
    }

    /** The organization's membership of the User with this email, if both exist. */
    Optional<Membership> membership(String email) {
        return person(email).flatMap(user -> core().memberships().find(organizationId, user.id()));
    }

    /** The session revocations recorded for the User with this email, in this organization. */
    long sessionsRevokedOf(String email) {
        String key = person(email).orElseThrow().id() + "@" + organizationId;
        return sessionsRevoked.stream().filter(key::equals).count();
    }

    /**
     * Every event of the store, not only the organization's: {@code user.*} events belong to no
     * organization, and "no event of any kind" must see them too.
     */
    List<Event> events() {
        List<Event> all = new ArrayList<>();
        List<Event> page;
        do {
            page = core().events().list(all.isEmpty() ? 0 : all.get(all.size() - 1).id(), 100, List.of(), null);
            all.addAll(page);
        } while (page.size() == 100);
        return all;
    }

    List<String> eventTypesAfter(long eventId) {
        return events().stream().filter(event -> event.id() > eventId).map(Event::event).toList();
    }

    long lastEventId() {
        List<Event> all = events();
        return all.isEmpty() ? 0 : all.get(all.size() - 1).id();
    }

    @Override
    public void close() {
        google.close();
        test.close();
    }
}
