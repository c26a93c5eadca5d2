package io.scimgate.core.google;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimgate.core.events.Event;
import io.scimgate.core.invitation.Invitation;
import io.scimgate.core.invitation.InvitationState;
import io.scimgate.core.membership.GroupRoles;
import io.scimgate.core.membership.Membership;
import io.scimgate.core.membership.MembershipStatus;
import io.scimgate.core.organization.Organizations;
import io.scimgate.core.provisioning.ProvisioningState;
import io.scimgate.core.provisioning.ProvisioningStatus;
import io.scimgate.core.testing.ProvisioningFixture;
import io.scimgate.core.testing.google.Fault;
import io.scimgate.core.testing.google.FakeWorkspace;
import io.scimgate.core.user.User;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a Google sync does to people, read through the provisioning core: Users, memberships,
 * invitations, provisioning states, revoked sessions and events. The organization has verified
 * corp.example; the Workspace also has a user on partner.example, a domain it has not verified.
 */
class GoogleSyncProvisioningTest {

    private static final String MEMBER = Organizations.DEFAULT_ROLE;

    private GoogleSyncHarness google;
    private FakeWorkspace workspace;

    @BeforeEach
    void start() {
        google = new GoogleSyncHarness();
        google.verifyDomain("corp.example");
        workspace = google.workspace;
        GoogleSyncTest.standardWorkspace(workspace);
        workspace.addUser("108", "gus@partner.example", "Gus", "Fox");
        workspace.addUserMember("g-eng", "108");
        google.configure();
    }

    @AfterEach
    void stop() {
        google.close();
    }

    private User person(String email) {
        return google.person(email).orElseThrow(() -> new AssertionError("no User " + email));
    }

    private Membership membership(String email) {
        return google.membership(email).orElseThrow(() -> new AssertionError("no membership of " + email));
    }

    private List<Invitation> invitations(InvitationState state) {
        return google.core().invitations().list(google.organizationId, state);
    }

    private List<Event> eventsAfter(long after, String type) {
        return google.events().stream().filter(event -> event.id() > after && event.event().equals(type)).toList();
    }

    private static long count(List<String> types, String type) {
        return types.stream().filter(type::equals).count();
    }

    private SyncRun syncSucceeds() {
        SyncRun run = google.syncNow();
        assertEquals(SyncRun.SUCCEEDED, run.status(), run::toString);
        return run;
    }

    @Test
    void P13_aUserOnTheVerifiedDomainBecomesAnActiveDirectoryManagedMemberWithoutInvitation() {
        syncSucceeds();

        User ana = person("ana@corp.example");
        assertEquals("Ana", ana.firstName());
        assertEquals("Lee", ana.lastName());
        assertTrue(ana.emailVerified(), "P12: the organization verified corp.example");
        Membership membership = membership("ana@corp.example");
        assertEquals(MembershipStatus.ACTIVE, membership.status());
        assertTrue(membership.directoryManaged());
        assertEquals(MEMBER, membership.role());
        ProvisioningStatus status = google.provisioning("101");
        assertEquals(ProvisioningState.PROVISIONED, status.state());
        assertEquals(ana.id(), status.userId());
        for (String employee : List.of("ana@corp.example", "bo@corp.example", "eve@corp.example", "fay@corp.example")) {
            assertEquals(MembershipStatus.ACTIVE, membership(employee).status(), employee);
            assertTrue(invitations(null).stream().noneMatch(invitation -> invitation.email().equals(employee)), employee);
        }
        assertTrue(google.invitationsSent.stream().noneMatch(sent -> sent.invitation().email().endsWith("@corp.example")));
    }

    @Test
    void P14_aUserOnAnotherDomainGetsAPendingMembershipAndOneInvitation() {
        syncSucceeds();

        User gus = person("gus@partner.example");
        assertFalse(gus.emailVerified());
        Membership membership = membership("gus@partner.example");
        assertEquals(MembershipStatus.PENDING, membership.status());
        assertTrue(membership.directoryManaged());
        List<Invitation> pending = invitations(InvitationState.PENDING);
        assertEquals(1, pending.size(), pending::toString);
        assertEquals("gus@partner.example", pending.get(0).email());
        assertEquals(gus.id(), pending.get(0).userId());
        assertEquals(google.clock.instant().plus(Duration.ofDays(7)), pending.get(0).expiresAt());
        assertEquals(1, google.invitationsSent.size());
        assertEquals(pending.get(0).id(), google.invitationsSent.get(0).invitation().id());
        assertEquals(ProvisioningState.PROVISIONED, google.provisioning("108").state());
    }

    @Test
    void P11_usersSuspendedOrArchivedInGoogleFromTheStartGetNoUserAndNoMembership() {
        syncSucceeds();

        for (String googleId : List.of("103", "104")) {
            assertFalse(google.user(googleId).active(), googleId);
            assertEquals(ProvisioningState.INACTIVE, google.provisioning(googleId).state(), googleId);
            assertNull(google.provisioning(googleId).userId(), googleId);
        }
        assertTrue(google.person("cy@corp.example").isEmpty(), "suspended");
        assertTrue(google.person("di@corp.example").isEmpty(), "archived");
        assertEquals(List.of(), google.sessionsRevoked);

        workspace.changeUser("103", user -> user.put("suspended", false));
        syncSucceeds();

        assertEquals(ProvisioningState.PROVISIONED, google.provisioning("103").state());
        assertEquals(MembershipStatus.ACTIVE, membership("cy@corp.example").status(), "provisioned once Google lifts the suspension");
    }

    @Test
    void P19_suspendingOrArchivingAnActiveUserDeactivatesItsMembershipAndRevokesItsSessions() {
        syncSucceeds();
        long before = google.lastEventId();

        workspace.changeUser("102", user -> user.put("suspended", true));
        workspace.changeUser("106", user -> user.put("archived", true));
        SyncRun run = syncSucceeds();

        assertEquals(2, run.usersDeactivated());
        for (String email : List.of("bo@corp.example", "eve@corp.example")) {
            Membership membership = membership(email);
            assertEquals(MembershipStatus.INACTIVE, membership.status(), email);
            assertEquals(MEMBER, membership.role(), email);
            assertEquals(1, google.sessionsRevokedOf(email), email);
        }
        assertEquals(ProvisioningState.DEPROVISIONED, google.provisioning("102").state());
        assertEquals(ProvisioningState.DEPROVISIONED, google.provisioning("106").state());
        assertEquals(2, google.sessionsRevoked.size(), "nobody else's sessions");
        assertTrue(google.person("bo@corp.example").isPresent(), "the User is never deleted");
        List<String> types = google.eventTypesAfter(before);
        assertEquals(2, count(types, "dsync.user.updated"));
        assertEquals(2, count(types, "organization_membership.updated"));
        assertEquals(Set.of("dsync.user.updated", "organization_membership.updated"), Set.copyOf(types));
        for (Event updated : eventsAfter(before, "organization_membership.updated")) {
            assertEquals("inactive", updated.data().get("status").asText());
            assertEquals("active", updated.data().at("/previousAttributes/status").asText());
        }
    }

    @Test
    void P19_suspendingAPendingMemberDeletesItsMembershipAndRevokesItsInvitation() {
        syncSucceeds();
        long before = google.lastEventId();

        workspace.changeUser("108", user -> user.put("suspended", true));
        syncSucceeds();

        assertTrue(google.membership("gus@partner.example").isEmpty());
        assertEquals(List.of(), invitations(InvitationState.PENDING));
        assertEquals(1, invitations(InvitationState.REVOKED).size());
        assertEquals(List.of(), google.sessionsRevoked, "a pending member had no session to revoke");
        assertEquals(List.of("dsync.user.updated", "organization_membership.deleted", "invitation.revoked"),
                google.eventTypesAfter(before));
    }

    @Test
    void P20_liftingASuspensionReactivatesTheMembershipWithItsRememberedRole() {
        syncSucceeds();
        ProvisioningFixture.roles(google.core(), google.organizationId, "admin");
        google.core().memberships().setRole(membership("bo@corp.example").id(), "admin");
        workspace.changeUser("102", user -> user.put("suspended", true));
        syncSucceeds();
        assertEquals(MEMBER, membership("bo@corp.example").role(), "P19: reset to the default role while inactive");
        long before = google.lastEventId();

        workspace.changeUser("102", user -> user.put("suspended", false));
        syncSucceeds();

        Membership membership = membership("bo@corp.example");
        assertEquals(MembershipStatus.ACTIVE, membership.status());
        assertEquals("admin", membership.role());
        assertEquals(ProvisioningState.PROVISIONED, google.provisioning("102").state());
        assertEquals(List.of("dsync.user.updated", "organization_membership.updated"), google.eventTypesAfter(before));
    }

    @Test
    void P18_aRenamedPrimaryEmailKeepsTheSameUserWithItsEmail() {
        syncSucceeds();
        User ana = person("ana@corp.example");
        String directoryUserId = google.user("101").id();
        long before = google.lastEventId();

        workspace.renameUser("101", "ana.lee@corp.example");
        syncSucceeds();

        assertEquals(directoryUserId, google.user("101").id());
        assertEquals("ana.lee@corp.example", google.user("101").primaryEmail());
        assertEquals(ProvisioningState.PROVISIONED, google.provisioning("101").state());
        assertEquals(ana.id(), google.provisioning("101").userId(), "still linked to the same User, by id");
        assertEquals("ana@corp.example", person("ana@corp.example").email(), "the User's email never changes");
        assertTrue(google.person("ana.lee@corp.example").isEmpty(), "no second User");
        assertEquals(MembershipStatus.ACTIVE, membership("ana@corp.example").status());
        assertEquals(List.of("dsync.user.updated"), google.eventTypesAfter(before));
        Event updated = eventsAfter(before, "dsync.user.updated").get(0);
        assertEquals("ana@corp.example", updated.data().at("/previousAttributes/userName").asText());
    }

    @Test
    void P21_aVanishedUserIsDeletedItsMembershipBecomesInactiveAndItsSessionsAreRevoked() {
        syncSucceeds();
        User bo = person("bo@corp.example");
        long before = google.lastEventId();

        workspace.removeUser("102");
        SyncRun run = syncSucceeds();

        assertEquals(1, run.usersDeleted());
        assertFalse(google.hasUser("102"));
        assertEquals(MembershipStatus.INACTIVE, membership("bo@corp.example").status());
        assertEquals(1, google.sessionsRevokedOf("bo@corp.example"));
        assertEquals(bo, person("bo@corp.example"), "P19: the User stays as it was");
        List<String> types = google.eventTypesAfter(before);
        assertEquals(1, count(types, "dsync.user.deleted"));
        assertEquals(1, count(types, "organization_membership.updated"));
        assertEquals(0, count(types, "user.updated") + count(types, "user.deleted"));
    }

    @Test
    void P21_aUserGoogleCreatesAgainWithTheAddressOfAVanishedOneIsLinkedToTheSameUser() {
        syncSucceeds();
        User bo = person("bo@corp.example");
        workspace.removeUser("102");
        syncSucceeds();
        long before = google.lastEventId();

        workspace.addUser("122", "bo@corp.example", "Bo", "Kim");
        syncSucceeds();

        assertEquals(ProvisioningState.PROVISIONED, google.provisioning("122").state());
        assertEquals(bo.id(), google.provisioning("122").userId());
        assertEquals(MembershipStatus.ACTIVE, membership("bo@corp.example").status(), "P20: reactivated");
        List<String> types = google.eventTypesAfter(before);
        assertEquals(List.of("dsync.user.created", "organization_membership.updated"), types);
    }

    @Test
    void P21_aUserWhoLeavesEverySelectedGroupIsRemovedAndDeprovisioned() {
        google.configure("eng@corp.example");
        syncSucceeds();
        assertEquals(MembershipStatus.ACTIVE, membership("bo@corp.example").status());

        workspace.removeMember("g-eng", "102");
        SyncRun run = syncSucceeds();

        assertEquals(1, run.usersDeleted());
        assertFalse(google.hasUser("102"));
        assertEquals(MembershipStatus.INACTIVE, membership("bo@corp.example").status());
        assertEquals(1, google.sessionsRevokedOf("bo@corp.example"));
    }

    @Test
    void P9_aUserWithoutEmailShowsMissingEmailAndIsProvisionedOnceGoogleGivesItOne() {
        syncSucceeds();

        ProvisioningStatus status = google.provisioning("105");
        assertEquals(ProvisioningState.MISSING_EMAIL, status.state());
        assertNotNull(status.detail());
        assertNull(status.userId());
        assertEquals(5, google.core().memberships().list(google.organizationId, null).size(),
                "ana, bo, eve, fay and gus; nobody for the user without email");

        workspace.changeUser("105", user -> {
            user.put("primaryEmail", "no.mail@corp.example");
            user.putArray("emails").addObject().put("address", "no.mail@corp.example").put("primary", true);
        });
        syncSucceeds();

        assertEquals(ProvisioningState.PROVISIONED, google.provisioning("105").state());
        assertEquals(MembershipStatus.ACTIVE, membership("no.mail@corp.example").status());
        assertEquals("No", person("no.mail@corp.example").firstName());
    }

    @Test
    void P10_aNewUserGivenTheFormerAddressOfARenamedOneWaitsAsDuplicateUntilTheHolderGoes() {
        syncSucceeds();
        User ana = person("ana@corp.example");
        String holder = google.user("101").id();
        // Google frees an old address once the admin deletes the alias a rename left, and may give it to someone else.
        workspace.renameUser("101", "ana.lee@corp.example");
        workspace.changeUser("101", user -> {
            user.remove("aliases");
            user.putArray("emails").addObject().put("address", "ana.lee@corp.example").put("primary", true);
        });
        workspace.addUser("109", "ana@corp.example", "Ana", "Ortiz");
        long before = google.lastEventId();

        syncSucceeds();

        assertEquals(ProvisioningState.PROVISIONED, google.provisioning("101").state());
        assertEquals(ana.id(), google.provisioning("101").userId(), "P18: the renamed user keeps the User ana@");
        ProvisioningStatus waiting = google.provisioning("109");
        assertEquals(ProvisioningState.DUPLICATE_EMAIL, waiting.state());
        assertTrue(waiting.detail().contains(holder), waiting.detail());
        List<String> types = google.eventTypesAfter(before);
        assertEquals(0, count(types, "user.created") + count(types, "organization_membership.created"));

        workspace.removeUser("101");
        syncSucceeds();

        assertEquals(ProvisioningState.PROVISIONED, google.provisioning("109").state(), "promoted when the holder is deleted");
        assertEquals(ana.id(), google.provisioning("109").userId());
        assertEquals(MembershipStatus.ACTIVE, membership("ana@corp.example").status());
    }

    @Test
    void P10_sharingOnlyASecondaryAddressIsNoDuplicate() {
        syncSucceeds();

        assertEquals(ProvisioningState.PROVISIONED, google.provisioning("106").state());
        assertEquals(ProvisioningState.PROVISIONED, google.provisioning("107").state());
        assertEquals(person("eve@corp.example").id(), google.provisioning("106").userId());
        assertEquals(person("fay@corp.example").id(), google.provisioning("107").userId());
        assertTrue(google.person("shared@corp.example").isEmpty(), "P8: the primary email decides");
    }

    @Test
    void P22_groupMembershipChangesEmitUserAddedAndRemovedAndRecomputeMappedRoles() {
        syncSucceeds();
        ProvisioningFixture.roles(google.core(), google.organizationId, "engineer");
        google.core().groupRoles().replace(google.organizationId,
                List.of(new GroupRoles.Mapping(google.group("g-eng").id(), "engineer", 10)));
        long before = google.lastEventId();

        workspace.removeMember("g-eng", "102");
        workspace.addUserMember("g-eng", "107");
        syncSucceeds();

        List<Event> removed = eventsAfter(before, "dsync.group.user_removed");
        List<Event> added = eventsAfter(before, "dsync.group.user_added");
        assertEquals(2, removed.size(), "Bo leaves Engineering, and Everyone through it");
        assertEquals(1, added.size(), "Fay was in Everyone already");
        String bo = google.user("102").id();
        String fay = google.user("107").id();
        assertTrue(removed.stream().allMatch(event -> event.data().at("/user/id").asText().equals(bo)), removed::toString);
        assertEquals(fay, added.get(0).data().at("/user/id").asText());
        assertEquals(google.group("g-eng").id(), added.get(0).data().at("/group/id").asText());
        assertEquals("engineer", membership("fay@corp.example").role());
        assertEquals(MEMBER, membership("bo@corp.example").role());
        assertEquals(MembershipStatus.ACTIVE, membership("bo@corp.example").status(), "leaving a group is no deprovisioning");
    }

    @Test
    void P25_aSyncEmitsTheDirectoryAndProvisioningEventsOfWhatItChanged() {
        syncSucceeds();

        List<String> first = google.eventTypesAfter(0);
        assertEquals(8, count(first, "dsync.user.created"));
        assertEquals(5, count(first, "user.created"), "ana, bo, eve, fay, gus");
        assertEquals(5, count(first, "organization_membership.created"));
        assertEquals(1, count(first, "invitation.created"));
        assertEquals(3, count(first, "dsync.group.created"));
        assertEquals(0, count(first, "organization_membership.updated") + count(first, "dsync.user.updated"));
        google.events().forEach(event -> assertEquals(google.organizationId, event.organizationId(), event::toString));
        for (Event created : eventsAfter(0, "organization_membership.created")) {
            String userId = created.data().get("userId").asText();
            String email = google.core().users().get(userId).email();
            assertEquals(email.endsWith("@corp.example") ? "active" : "pending", created.data().get("status").asText(), email);
        }
        long before = google.lastEventId();

        workspace.changeUser("101", user -> user.with("name").put("familyName", "Lee-Park"));
        workspace.changeUser("106", user -> user.put("suspended", true));
        workspace.removeUser("107");
        syncSucceeds();

        List<String> second = google.eventTypesAfter(before);
        assertEquals(2, count(second, "dsync.user.updated"));
        assertEquals(1, count(second, "dsync.user.deleted"));
        assertEquals(2, count(second, "organization_membership.updated"), "eve suspended, fay deleted");
        assertEquals(1, count(second, "user.updated"), "P17: Ana's new name reaches her User (verified domain)");
        assertEquals("Lee-Park", person("ana@corp.example").lastName());
    }

    @Test
    void P16_unchangedUsersCostNoWriteAndEmitNoEventOfAnyKind() {
        syncSucceeds();
        workspace.changeUser("103", user -> user.put("suspended", false));
        syncSucceeds();
        List<Membership> memberships = google.core().memberships().list(google.organizationId, null);
        List<Invitation> invitations = invitations(null);
        int invitationsSent = google.invitationsSent.size();
        long lastEvent = google.lastEventId();
        workspace.signIn("102", "2025-03-01T10:00:00.000Z");
        google.writes.reset();

        SyncRun again = syncSucceeds();

        assertEquals(Set.of("google_directory", "google_sync_run"), google.writes.tables(),
                "only the run's own bookkeeping (lease, run history) is written");
        assertEquals(List.of(), google.eventTypesAfter(lastEvent));
        assertEquals(0, again.usersCreated() + again.usersUpdated() + again.usersDeactivated() + again.usersDeleted());
        assertEquals(memberships, google.core().memberships().list(google.organizationId, null));
        assertEquals(invitations, invitations(null));
        assertEquals(invitationsSent, google.invitationsSent.size());
        assertEquals(List.of(), google.sessionsRevoked);

        workspace.changeUser("102", user -> user.with("name").put("familyName", "Kim-Lee"));
        google.writes.reset();
        syncSucceeds();

        assertTrue(google.writes.tables().containsAll(Set.of("directory_user", "app_user", "event_outbox")),
                () -> "a real change is written, and seen here: " + google.writes.tables());
    }

    @Test
    void P19_aRunThatFailsHalfWayDeprovisionsOnlyWhatItSawAndTheNextRunFinishesWithoutRepeats() {
        syncSucceeds();
        workspace.changeUser("102", user -> user.put("suspended", true));
        workspace.removeUser("101");
        workspace.changeUser("107", user -> user.with("name").put("familyName", "Wu-Li"));
        // Pages are now [102 103] [104 105] [106 107] [108]: a rate limit on page 2 is waited out, page 3 never loads.
        google.google.fail("users", 2, Fault.userRateLimitExceeded(), 1);
        google.google.fail("users", 3, Fault.backendError(), Backoff.defaults().maxRetries() + 1);

        SyncRun failed = google.syncNow();

        assertEquals(SyncRun.FAILED, failed.status());
        assertEquals(MembershipStatus.INACTIVE, membership("bo@corp.example").status(), "page 1 was applied");
        assertEquals(1, google.sessionsRevokedOf("bo@corp.example"));
        assertEquals(MembershipStatus.ACTIVE, membership("ana@corp.example").status(),
                "nobody is deprovisioned for vanishing from an incomplete listing");
        assertEquals("Wu", person("fay@corp.example").lastName());
        long before = google.lastEventId();

        SyncRun repaired = syncSucceeds();

        assertEquals(1, repaired.usersDeleted());
        assertEquals(MembershipStatus.INACTIVE, membership("ana@corp.example").status());
        assertEquals("Wu-Li", person("fay@corp.example").lastName());
        assertEquals(1, google.sessionsRevokedOf("bo@corp.example"), "bo is not deprovisioned twice");
        assertEquals(1, google.sessionsRevokedOf("ana@corp.example"));
        assertEquals(1, google.invitationsSent.size(), "no second invitation for gus");
        List<String> types = google.eventTypesAfter(before);
        assertEquals(1, count(types, "organization_membership.updated"), "ana only");
        assertEquals(0, count(types, "invitation.created") + count(types, "user.created"));
    }
}
