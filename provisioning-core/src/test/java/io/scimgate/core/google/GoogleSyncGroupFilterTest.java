package io.scimgate.core.google;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimgate.core.directory.DirectoryGroup;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A directory limited to some Google groups holds their members only, and only those groups. */
class GoogleSyncGroupFilterTest {

    private GoogleSyncHarness google;

    @BeforeEach
    void start() {
        google = new GoogleSyncHarness();
        GoogleSyncTest.standardWorkspace(google.workspace);
    }

    @AfterEach
    void stop() {
        google.close();
    }

    private static Set<String> externalIds(List<DirectoryGroup> groups) {
        return Set.copyOf(groups.stream().map(DirectoryGroup::externalId).toList());
    }

    private Set<String> userIds() {
        return Set.copyOf(google.users().stream().map(user -> user.externalId()).toList());
    }

    @Test
    void onlyMembersOfTheSelectedGroupsAreSynced() {
        google.configure("eng@corp.example");

        SyncRun run = google.syncNow();

        assertEquals(SyncRun.SUCCEEDED, run.status(), run::toString);
        assertEquals(Set.of("101", "102", "106"), userIds());
        assertEquals(Set.of("g-eng"), externalIds(google.groups()));
    }

    @Test
    void membersOfGroupsNestedInASelectedGroupAreInScope() {
        google.configure("all@corp.example");

        google.syncNow();

        assertEquals(Set.of("101", "102", "106", "107"), userIds());
        assertEquals(Set.of("g-all"), externalIds(google.groups()), "the nested group is not synced as a group of its own");
        assertEquals(Set.of("101", "102", "106", "107"), google.memberIds("g-all"));
    }

    @Test
    void groupsAreNamedByAddressAliasOrIdIgnoringCase() {
        google.workspace.changeGroup("g-sales", group -> group.putArray("aliases").add("team-sales@corp.example"));
        google.configure("Team-Sales@Corp.Example", "g-eng");

        google.syncNow();

        assertEquals(Set.of("g-sales", "g-eng"), externalIds(google.groups()));
        assertEquals(Set.of("101", "102", "103", "106"), userIds());
    }

    @Test
    void leavingEverySelectedGroupRemovesTheUserWhileOneGroupLeftKeepsIt() {
        google.configure("eng@corp.example", "sales@corp.example");
        google.syncNow();
        google.workspace.addUserMember("g-sales", "101");

        google.workspace.removeMember("g-eng", "102");
        google.workspace.removeMember("g-eng", "101");
        SyncRun run = google.syncNow();

        assertFalse(google.hasUser("102"), "Bo left the only selected group he was in");
        assertTrue(google.google.requests().stream().noneMatch(request -> request.startsWith("user:")),
                "Bo was listed, so he is known to be out of scope without asking again");
        assertTrue(google.hasUser("101"), "Ana is still in Sales");
        assertEquals(1, run.usersDeleted());
        assertEquals(Set.of("106"), google.memberIds("g-eng"));
        assertEquals(Set.of("101", "103"), google.memberIds("g-sales"));
    }

    @Test
    void aFilterNamingAGroupGoogleDoesNotListFailsTheRunAndChangesNothing() {
        google.configure("eng@corp.example");
        google.syncNow();
        long lastEvent = google.lastEventId();

        google.workspace.changeGroup("g-eng", group -> group.put("email", "engineering@corp.example"));
        SyncRun run = google.syncNow();

        assertEquals(SyncRun.FAILED, run.status());
        assertTrue(run.error().contains("eng@corp.example"), run.error());
        assertEquals(Set.of("101", "102", "106"), userIds(), "no one is removed because the group vanished from the filter");
        assertEquals(List.of(), google.eventTypesAfter(lastEvent));
    }

    @Test
    void droppingTheFilterBringsEveryoneIn() {
        google.configure("sales@corp.example");
        google.syncNow();
        assertEquals(Set.of("103"), userIds());

        google.configure();
        SyncRun run = google.syncNow();

        assertEquals(6, run.usersCreated());
        assertEquals(Set.of("g-eng", "g-sales", "g-all"), externalIds(google.groups()));
    }
}
