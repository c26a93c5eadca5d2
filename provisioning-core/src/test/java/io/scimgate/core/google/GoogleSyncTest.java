package io.scimgate.core.google;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimgate.core.directory.DirectoryListings;
import io.scimgate.core.directory.internal.DirectoryUserRows;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimgate.core.directory.DirectoryUser;
import io.scimgate.core.store.schema.Tables;
import io.scimgate.core.testing.google.FakeWorkspace;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What a sync makes of a Google Workspace: directory users and groups, their attributes and
 * active flags, and the dsync events. What it does to people (Users, memberships, invitations)
 * is asserted in {@link GoogleSyncProvisioningTest}.
 */
class GoogleSyncTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GoogleSyncHarness google;
    private FakeWorkspace workspace;

    @BeforeEach
    void start() {
        google = new GoogleSyncHarness();
        workspace = google.workspace;
        standardWorkspace(workspace);
        google.configure();
    }

    @AfterEach
    void stop() {
        google.close();
    }

    /**
     * Seven users (four pages of two), one suspended, one archived, one without any e-mail, two
     * sharing an address; three groups, one nested in another, one with members on two pages.
     */
    static void standardWorkspace(FakeWorkspace workspace) {
        workspace.addUser("101", "ana@corp.example", "Ana", "Lee");
        workspace.changeUser("101", user -> {
            user.putObject("customSchemas").putObject("HR").put("costCenter", "42");
            user.putArray("organizations").addObject().put("title", "Engineer").put("department", "R&D").put("primary", true);
            user.putArray("externalIds").addObject().put("type", "organization").put("value", "E-101");
            user.withArray("emails").addObject().put("address", "a.lee@alias.example").put("type", "work");
        });
        workspace.addUser("102", "bo@corp.example", "Bo", "Kim");
        workspace.addUser("103", "cy@corp.example", "Cy", "Ng").put("suspended", true);
        workspace.addUser("104", "di@corp.example", "Di", "Ho").put("archived", true);
        workspace.addUserWithoutEmail("105", "No", "Mail");
        workspace.addUser("106", "eve@corp.example", "Eve", "Park").withArray("emails")
                .addObject().put("address", "shared@corp.example").put("type", "work");
        workspace.addUser("107", "fay@corp.example", "Fay", "Wu").withArray("emails")
                .addObject().put("address", "shared@corp.example").put("type", "other");

        workspace.addGroup("g-eng", "eng@corp.example", "Engineering");
        workspace.addUserMember("g-eng", "101");
        workspace.addUserMember("g-eng", "102");
        workspace.addUserMember("g-eng", "106");
        workspace.addGroup("g-sales", "sales@corp.example", "Sales");
        workspace.addUserMember("g-sales", "103");
        workspace.addGroup("g-all", "all@corp.example", "Everyone");
        workspace.addGroupMember("g-all", "g-eng");
        workspace.addUserMember("g-all", "107");
        workspace.addCustomerMember("g-all");
    }

    @Test
    void usersOfEveryPageBecomeDirectoryUsersKeyedOnGoogleId() {
        SyncRun run = google.syncNow();

        assertEquals(SyncRun.SUCCEEDED, run.status(), run::toString);
        assertEquals(7, run.usersCreated());
        assertTrue(google.google.requests().containsAll(List.of("users#1 200", "users#2 200", "users#3 200", "users#4 200")),
                () -> google.google.requests().toString());
        assertEquals(Set.of("101", "102", "103", "104", "105", "106", "107"),
                Set.copyOf(google.users().stream().map(DirectoryUser::externalId).toList()));

        DirectoryUser ana = google.user("101");
        assertEquals("ana@corp.example", ana.userName());
        assertEquals("ana@corp.example", ana.primaryEmail());
        assertEquals("Ana", ana.givenName());
        assertEquals("Lee", ana.familyName());
        assertEquals("Ana Lee", ana.displayName());
        assertEquals("Engineer", ana.title());
        assertEquals("R&D", ana.department());
        assertEquals("E-101", ana.employeeNumber());
        assertTrue(ana.active());
        assertEquals(List.of("ana@corp.example", "a.lee@alias.example"), google.emailsOf("101"));
    }

    @Test
    void theDocumentIsAScimUserHoldingTheWholeGoogleRecordWithItsCustomSchemas() throws Exception {
        google.syncNow();

        JsonNode document = JSON.readTree(google.user("101").attributes());
        assertEquals("ana@corp.example", document.get("userName").asText());
        assertEquals("101", document.get("externalId").asText());
        assertEquals("Lee", document.at("/name/familyName").asText());
        assertEquals("a.lee@alias.example", document.at("/emails/1/value").asText());
        assertEquals("E-101", document.at("/urn:ietf:params:scim:schemas:extension:enterprise:2.0:User/employeeNumber").asText());
        JsonNode record = document.get(GoogleUsers.EXTENSION);
        assertEquals("admin#directory#user", record.get("kind").asText());
        assertEquals("42", record.at("/customSchemas/HR/costCenter").asText(), "projection=full brings custom schemas");
        assertEquals("a.lee@alias.example", record.at("/emails/1/address").asText());
        assertTrue(record.hasNonNull("etag"));
        JsonNode group = JSON.readTree(google.group("g-eng").attributes());
        assertEquals("Engineering", group.get("displayName").asText());
        assertEquals("eng@corp.example", group.get(GoogleGroups.EXTENSION).get("email").asText());
    }

    @Test
    void suspendedAndArchivedUsersAreInactiveAndReactivateWhenGoogleSaysSo() {
        google.syncNow();
        assertFalse(google.user("103").active(), "suspended");
        assertFalse(google.user("104").active(), "archived");
        assertTrue(google.user("102").active());

        workspace.changeUser("103", user -> user.put("suspended", false));
        workspace.changeUser("102", user -> user.put("suspended", true));
        SyncRun run = google.syncNow();

        assertTrue(google.user("103").active());
        assertFalse(google.user("102").active());
        assertEquals(1, run.usersDeactivated());
        assertEquals(1, run.usersUpdated());
    }

    @Test
    void P18_aRenamedPrimaryEmailUpdatesTheSameDirectoryUser() {
        google.syncNow();
        DirectoryUser before = google.user("101");

        workspace.renameUser("101", "ana.lee@corp.example");
        SyncRun run = google.syncNow();

        DirectoryUser after = google.user("101");
        assertEquals(before.id(), after.id(), "same directory user: keyed on Google's id, not on the address");
        assertEquals("ana.lee@corp.example", after.userName());
        assertEquals("ana.lee@corp.example", after.primaryEmail());
        assertEquals(before.version() + 1, after.version());
        assertEquals(List.of("ana.lee@corp.example", "ana@corp.example"), google.emailsOf("101"));
        assertEquals(1, run.usersUpdated());
        assertEquals(0, run.usersCreated() + run.usersDeleted());
    }

    @Test
    void twoUsersSwappingPrimaryEmailsInOneIntervalAreBothUpdated() {
        google.syncNow();
        workspace.changeUser("101", user -> user.put("primaryEmail", "tmp@corp.example"));
        workspace.changeUser("102", user -> user.put("primaryEmail", "ana@corp.example"));
        workspace.changeUser("101", user -> user.put("primaryEmail", "bo@corp.example"));

        SyncRun run = google.syncNow();

        assertEquals(SyncRun.SUCCEEDED, run.status(), run::toString);
        assertEquals("bo@corp.example", google.user("101").userName());
        assertEquals("ana@corp.example", google.user("102").userName());
    }

    @Test
    void aVanishedUserIsDeletedAndLeavesItsGroups() {
        google.syncNow();
        String boId = google.user("102").id();

        workspace.removeUser("102");
        long before = google.lastEventId();
        SyncRun run = google.syncNow();

        assertFalse(google.hasUser("102"));
        assertTrue(google.core().directoryUsers().find(google.directoryId, boId).isEmpty());
        assertEquals(1, run.usersDeleted());
        assertTrue(google.google.requests().contains("user:102#1 404"), "gone for good: users.get confirms it");
        assertEquals(Set.of("101", "106"), google.memberIds("g-eng"));
        assertEquals(6, google.users().size());
        assertFalse(google.eventTypesAfter(before).contains("dsync.group.user_added"));
    }

    @Test
    void aUserThePagingSkippedIsLookedUpAndKept() {
        google.syncNow();
        DirectoryUser bo = google.user("102");

        workspace.changeUser("102", user -> user.with("name").put("familyName", "Kim-Lee"));
        workspace.hideFromListing("102");
        SyncRun run = google.syncNow();

        assertEquals(0, run.usersDeleted());
        assertEquals(1, run.usersUpdated());
        assertEquals(bo.id(), google.user("102").id());
        assertEquals("Kim-Lee", google.user("102").familyName());
        assertEquals(Set.of("101", "102", "106"), google.memberIds("g-eng"));
        assertTrue(google.google.requests().contains("user:102#1 200"));
    }

    @Test
    void P9_aUserWithoutAnyEmailIsKeptUnderItsGoogleIdWithoutPrimaryEmail() {
        google.syncNow();

        DirectoryUser noMail = google.user("105");
        assertEquals("105", noMail.userName());
        assertNull(noMail.primaryEmail());
        assertEquals(List.of(), google.emailsOf("105"));
        assertEquals("No", noMail.givenName());
    }

    @Test
    void P10_twoUsersSharingAnAddressAreBothKeptEachWithItsOwnPrimaryEmail() {
        SyncRun run = google.syncNow();

        assertEquals(SyncRun.SUCCEEDED, run.status(), run::toString);
        assertEquals("eve@corp.example", google.user("106").primaryEmail());
        assertEquals("fay@corp.example", google.user("107").primaryEmail());
        List<String> holders = DirectoryListings.users(google.core()).find(google.directoryId,
                DirectoryUserRows.hasEmail(Tables.DIRECTORY_USER_EMAIL.EMAIL_KEY.eq("shared@corp.example")), List.of(), 0, 10)
                .items().stream().map(DirectoryUser::externalId).toList();
        assertEquals(List.of("106", "107"), holders);
    }

    @Test
    void unchangedUsersCostNoWriteAndNoEvent() {
        google.syncNow();
        List<DirectoryUser> before = google.users();
        long lastEvent = google.lastEventId();

        workspace.signIn("102", "2025-03-01T10:00:00.000Z");
        SyncRun again = google.syncNow();

        assertEquals(before, google.users(), "same versions, same timestamps: nothing was written");
        assertEquals(List.of(), google.eventTypesAfter(lastEvent));
        assertEquals(0, again.usersCreated() + again.usersUpdated() + again.usersDeactivated() + again.usersDeleted());
        assertEquals(0, again.groupsCreated() + again.groupsUpdated() + again.groupsDeleted());
    }

    @Test
    void P22_groupsWithMembersAcrossPagesBecomeDirectoryGroupsWithEvents() {
        SyncRun run = google.syncNow();

        assertEquals(3, run.groupsCreated());
        assertTrue(google.google.requests().containsAll(List.of("members:g-eng#1 200", "members:g-eng#2 200")));
        assertEquals("Engineering", google.group("g-eng").displayName());
        assertEquals(Set.of("101", "102", "106"), google.memberIds("g-eng"));
        assertEquals(Set.of("103"), google.memberIds("g-sales"));
        List<String> types = google.eventTypesAfter(0);
        assertEquals(3, types.stream().filter("dsync.group.created"::equals).count());
        assertEquals(3 + 1 + 4, types.stream().filter("dsync.group.user_added"::equals).count());
    }

    @Test
    void nestedGroupsAreExpandedAndCustomerMembersIgnored() {
        google.syncNow();

        assertEquals(Set.of("101", "102", "106", "107"), google.memberIds("g-all"),
                "Everyone holds Engineering's members through nesting, and Fay directly");
        assertEquals(3, google.groups().size(), "the nested group is a directory group because it is synced itself");
    }

    @Test
    void P22_membershipChangesBecomeUserAddedAndUserRemoved() {
        google.syncNow();
        long before = google.lastEventId();

        workspace.removeMember("g-eng", "102");
        workspace.addUserMember("g-eng", "107");
        SyncRun run = google.syncNow();

        assertEquals(Set.of("101", "106", "107"), google.memberIds("g-eng"));
        assertEquals(Set.of("101", "106", "107"), google.memberIds("g-all"));
        assertEquals(2, run.groupsUpdated(), "Engineering, and Everyone through it");
        List<String> types = google.eventTypesAfter(before);
        assertEquals(2, types.stream().filter("dsync.group.user_removed"::equals).count());
        assertEquals(1, types.stream().filter("dsync.group.user_added"::equals).count());
    }

    @Test
    void P22_aRenamedGroupIsUpdatedAndAVanishedGroupDeleted() {
        google.syncNow();
        String salesId = google.group("g-sales").id();
        long before = google.lastEventId();

        workspace.changeGroup("g-eng", group -> group.put("name", "Engineering & Data"));
        workspace.removeGroup("g-sales");
        SyncRun run = google.syncNow();

        assertEquals("Engineering & Data", google.group("g-eng").displayName());
        assertTrue(google.core().directoryGroups().find(google.directoryId, salesId).isEmpty());
        assertEquals(1, run.groupsDeleted());
        assertEquals(List.of("dsync.group.updated", "dsync.group.user_removed", "dsync.group.deleted"),
                google.eventTypesAfter(before), "P22: the vanished group's member leaves it, then it is deleted");
        assertTrue(google.hasUser("103"), "a user of a vanished group stays: it is still in Google");
    }
}
