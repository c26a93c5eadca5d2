package io.scimgate.core.directory;

import io.scimgate.core.ErrorCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimgate.core.ScimgateException;
import io.scimgate.core.events.Event;
import io.scimgate.core.organization.Organization;
import io.scimgate.core.testing.TestCore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DirectoryGroupsTest {

    private TestCore test;
    private DirectoryGroups groups;
    private String directoryId;
    private String otherDirectoryId;
    private String ana;
    private String bo;
    private String cy;
    private final List<String> hookCalls = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void start() {
        test = TestCore.start();
        groups = test.core().directoryGroups();
        groups.addMembershipHook((tx, directory, group, added, removed) ->
                hookCalls.add(group + " +" + new java.util.TreeSet<>(added) + " -" + new java.util.TreeSet<>(removed)));
        Organization acme = test.core().organizations().create("Acme");
        directoryId = test.core().directories().create(acme.id(), "Okta", DirectoryProvider.OKTA).directory().id();
        otherDirectoryId = test.core().directories().create(acme.id(), "Entra", DirectoryProvider.ENTRA).directory().id();
        ana = user(directoryId, "ana");
        bo = user(directoryId, "bo");
        cy = user(directoryId, "cy");
    }

    @AfterEach
    void stop() {
        test.close();
    }

    private String user(String directory, String name) {
        return test.core().directoryUsers().create(directory, DirectoryUsersTest.user(name + "@acme.example")).id();
    }

    private static DirectoryGroupData group(String name) {
        return new DirectoryGroupData(name, null, "{\"displayName\":\"" + name + "\"}");
    }

    private Set<String> memberIds(String groupId) {
        return Set.copyOf(groups.members(directoryId, groupId).stream().map(GroupMember::userId).toList());
    }

    private List<String> eventTypes() {
        return test.core().events().list(0, 100, Set.of(), null).stream().map(Event::event)
                .filter(type -> type.startsWith("dsync.group.")).toList();
    }

    @Test
    void P22_aGroupIsCreatedWithItsMembersAndUnknownIdsAreIgnored() {
        String foreign = user(otherDirectoryId, "eve");
        DirectoryGroup eng = groups.create(directoryId, group("Eng"), List.of(ana, bo, "no-such-user", foreign));
        assertEquals(Set.of(ana, bo), memberIds(eng.id()));
        assertEquals(1, eng.version());
        assertEquals(List.of("dsync.group.created", "dsync.group.user_added", "dsync.group.user_added"), eventTypes());
        assertEquals(List.of(eng.id() + " +" + new java.util.TreeSet<>(Set.of(ana, bo)) + " -[]"), hookCalls);
    }

    @Test
    void P22_addingAndRemovingMembersTouchesOnlyThoseAndIsIdempotent() {
        DirectoryGroup eng = groups.create(directoryId, group("Eng"), List.of(ana, bo, cy));
        DirectoryGroup afterRemove = groups.update(directoryId, eng.id(), null, edit -> edit.removeMembers(List.of(bo)));
        assertEquals(Set.of(ana, cy), memberIds(eng.id()));
        assertEquals(2, afterRemove.version());

        DirectoryGroup unchanged = groups.update(directoryId, eng.id(), null, edit -> {
            edit.removeMembers(List.of(bo));
            edit.addMembers(List.of(ana, cy));
        });
        assertEquals(2, unchanged.version(), "a request that changes nothing keeps the version");
        assertEquals(Set.of(ana, cy), memberIds(eng.id()));
        long removals = eventTypes().stream().filter("dsync.group.user_removed"::equals).count();
        assertEquals(1, removals);
    }

    @Test
    void theDisplayAnIdpSentWithAMemberIsKeptWithoutChangingTheGroup() {
        java.util.Map<String, String> members = new java.util.LinkedHashMap<>();
        members.put(ana, "Ana from the IdP");
        members.put(bo, null);
        DirectoryGroup eng = groups.create(directoryId, group("Eng"), members);
        java.util.Map<String, String> sent = new java.util.HashMap<>();
        groups.members(directoryId, eng.id()).forEach(member -> sent.put(member.userId(), member.sentDisplay()));
        assertEquals("Ana from the IdP", sent.get(ana));
        assertEquals(null, sent.get(bo));

        DirectoryGroup renamed = groups.update(directoryId, eng.id(), null,
                edit -> edit.memberDisplays(java.util.Map.of(bo, "Bo", cy, "not a member")));
        assertEquals(eng.version(), renamed.version(), "a member's display is not a change of the group");
        groups.members(directoryId, eng.id()).forEach(member -> sent.put(member.userId(), member.sentDisplay()));
        assertEquals("Bo", sent.get(bo));
        assertEquals(Set.of(ana, bo), memberIds(eng.id()));
    }

    @Test
    void P22_replaceAndClearMembers() {
        DirectoryGroup eng = groups.create(directoryId, group("Eng"), List.of(ana, bo));
        groups.update(directoryId, eng.id(), null, edit -> edit.replaceMembers(List.of(bo, cy)));
        assertEquals(Set.of(bo, cy), memberIds(eng.id()));
        groups.update(directoryId, eng.id(), null, GroupEdit::removeAllMembers);
        assertTrue(memberIds(eng.id()).isEmpty());
    }

    @Test
    void P22_renameEmitsUpdatedWithThePreviousName() {
        DirectoryGroup eng = groups.create(directoryId, group("Eng"), List.of(ana));
        DirectoryGroup renamed = groups.update(directoryId, eng.id(), null, edit -> edit.replaceData(group("Engineering")));
        assertEquals("Engineering", renamed.displayName());
        Event updated = test.core().events().list(0, 100, Set.of("dsync.group.updated"), null).get(0);
        assertEquals("Eng", updated.data().at("/previousAttributes/displayName").asText());
        assertEquals(Set.of(ana), memberIds(eng.id()), "renaming keeps members");
        groups.update(directoryId, eng.id(), null, edit -> edit.replaceData(group("Engineering")));
        assertEquals(1, test.core().events().list(0, 100, Set.of("dsync.group.updated"), null).size(),
                "re-sending the same name is not a change");
    }

    @Test
    void P22_deletingAGroupTellsTheHooksItsMembersLeft() {
        DirectoryGroup eng = groups.create(directoryId, group("Eng"), List.of(ana, bo));
        hookCalls.clear();
        groups.delete(directoryId, eng.id(), null);
        assertTrue(groups.find(directoryId, eng.id()).isEmpty());
        assertEquals(List.of(eng.id() + " +[] -" + new java.util.TreeSet<>(Set.of(ana, bo))), hookCalls);
        assertTrue(eventTypes().contains("dsync.group.deleted"));
    }

    @Test
    void P5_groupsAreScopedToTheirDirectory() {
        DirectoryGroup eng = groups.create(directoryId, group("Eng"), List.of(ana));
        assertTrue(groups.find(otherDirectoryId, eng.id()).isEmpty());
        assertThrows(ScimgateException.class, () -> groups.update(otherDirectoryId, eng.id(), null, GroupEdit::removeAllMembers));
        assertThrows(ScimgateException.class, () -> groups.delete(otherDirectoryId, eng.id(), null));
        assertEquals(0, groups.listing().find(otherDirectoryId, DSL.trueCondition(), List.of(), 0, 10).total());
        assertEquals(Set.of(ana), memberIds(eng.id()));
    }

    @Test
    void aStaleVersionIsRefusedAndChangesNothing() {
        DirectoryGroup eng = groups.create(directoryId, group("Eng"), List.of(ana));
        ScimgateException stale = assertThrows(ScimgateException.class,
                () -> groups.update(directoryId, eng.id(), 5L, edit -> edit.addMembers(List.of(bo))));
        assertEquals(ScimgateException.Kind.PRECONDITION_FAILED, stale.kind());
        assertEquals(Set.of(ana), memberIds(eng.id()));
    }

    @Test
    void deletingAUserRemovesItFromItsGroups() {
        DirectoryGroup eng = groups.create(directoryId, group("Eng"), List.of(ana, bo));
        test.core().directoryUsers().delete(directoryId, bo, null);
        assertEquals(Set.of(ana), memberIds(eng.id()));
    }

    @Test
    void aGroupNeedsADisplayName() {
        ScimgateException missing = assertThrows(ScimgateException.class,
                () -> groups.create(directoryId, new DirectoryGroupData(" ", null, "{}"), List.of()));
        assertEquals(ErrorCode.DISPLAY_NAME_REQUIRED, missing.code());
    }
}
