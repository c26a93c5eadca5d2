package io.scimgate.core.directory;

import static io.scimgate.core.testing.ProvisioningFixture.person;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.core.events.Event;
import io.scimgate.core.membership.GroupRoles;
import io.scimgate.core.testing.ProvisioningFixture;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * RULES.md P22: {@code dsync.group.user_added}/{@code user_removed} carry the whole directory user
 * and group as they are after the change, and every membership a deletion removes has its event.
 */
class GroupMemberEventsTest {

    private ProvisioningFixture f;
    private String acme;
    private String directoryId;

    @BeforeEach
    void start() {
        f = new ProvisioningFixture();
        acme = f.organization("Acme", "acme.com");
        directoryId = f.directory(acme);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private DirectoryGroups groups() {
        return f.core().directoryGroups();
    }

    private DirectoryGroup group(String name, List<String> members) {
        return groups().create(directoryId, new DirectoryGroupData(name, "ext-" + name, "{\"displayName\":\"" + name + "\"}"), members);
    }

    private List<JsonNode> dataOf(String type, long after) {
        List<JsonNode> data = new ArrayList<>();
        long cursor = after;
        List<Event> page;
        while (!(page = f.core().events().list(cursor, 100, Set.of(type), acme)).isEmpty()) {
            page.forEach(event -> data.add(event.data()));
            cursor = page.get(page.size() - 1).id();
        }
        return data;
    }

    @Test
    void P22_userAddedCarriesTheUserWithItsNewRoleAndTheGroupWithItsCount() {
        f.roles(acme, "engineer");
        DirectoryUser ana = f.push(directoryId, person("ana@acme.com", "Ana", "Lee"));
        DirectoryGroup eng = group("Eng", List.of());
        f.core().groupRoles().replace(acme, List.of(new GroupRoles.Mapping(eng.id(), "engineer", 1)));
        long before = f.lastEventId();

        groups().update(directoryId, eng.id(), null, edit -> edit.addMembers(List.of(ana.id())));

        assertEquals(List.of("organization_membership.updated", "dsync.group.user_added"), f.eventsAfter(before),
                "the role follows the group, and the event shows the member as it now is");
        JsonNode added = dataOf("dsync.group.user_added", before).get(0);
        assertEquals(directoryId, added.get("directoryId").asText());
        assertEquals(ana.id(), added.at("/user/id").asText());
        assertEquals("Ana", added.at("/user/firstName").asText());
        assertEquals("ana@acme.com", added.at("/user/email").asText());
        assertEquals("engineer", added.at("/user/role/slug").asText());
        assertEquals(eng.id(), added.at("/user/groups/0/id").asText());
        assertEquals(eng.id(), added.at("/group/id").asText());
        assertEquals("ext-Eng", added.at("/group/idpId").asText());
        assertEquals(acme, added.at("/group/organizationId").asText());
        assertEquals(1, added.at("/group/memberCount").asInt());
    }

    @Test
    void P22_deletingAUserRemovesItFromEachOfItsGroupsWithAnEventAndANewGroupVersion() {
        DirectoryUser ana = f.push(directoryId, person("ana@acme.com"));
        DirectoryUser bo = f.push(directoryId, person("bo@acme.com"));
        DirectoryGroup eng = group("Eng", List.of(ana.id(), bo.id()));
        DirectoryGroup ops = group("Ops", List.of(ana.id()));
        long before = f.lastEventId();

        f.delete(directoryId, ana.id());

        List<JsonNode> removed = dataOf("dsync.group.user_removed", before);
        assertEquals(2, removed.size());
        assertEquals(List.of(eng.id(), ops.id()), removed.stream().map(data -> data.at("/group/id").asText()).toList());
        assertTrue(removed.stream().allMatch(data -> data.at("/user/id").asText().equals(ana.id())));
        assertEquals(0, removed.get(0).at("/user/groups").size(), "the user as it is once out of its groups");
        assertEquals(1, removed.get(0).at("/group/memberCount").asInt());
        assertEquals(0, removed.get(1).at("/group/memberCount").asInt());
        assertEquals(List.of("dsync.group.user_removed", "dsync.group.user_removed", "dsync.user.deleted",
                "organization_membership.updated"), f.eventsAfter(before));
        assertEquals(eng.version() + 1, groups().get(directoryId, eng.id()).version(), "the members changed: a new ETag");
        assertEquals(List.of(bo.id()), groups().members(directoryId, eng.id()).stream().map(GroupMember::userId).toList());
    }

    @Test
    void P22_deletingAGroupRemovesEachMemberWithAnEvent() {
        DirectoryUser ana = f.push(directoryId, person("ana@acme.com"));
        DirectoryUser bo = f.push(directoryId, person("bo@acme.com"));
        DirectoryGroup eng = group("Eng", List.of(ana.id(), bo.id()));
        long before = f.lastEventId();

        groups().delete(directoryId, eng.id(), null);

        List<JsonNode> removed = dataOf("dsync.group.user_removed", before);
        assertEquals(Set.of(ana.id(), bo.id()), Set.copyOf(removed.stream().map(data -> data.at("/user/id").asText()).toList()));
        assertTrue(removed.stream().allMatch(data -> data.at("/group/memberCount").asInt() == 0));
        assertEquals("dsync.group.deleted", f.eventsAfter(before).get(2));
    }

    @Test
    void P22_aLargeChangeHasOneEventPerMemberInTheOrderOfTheChanges() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 620; i++) {
            ids.add(f.push(directoryId, new DirectoryUserData("u" + i, null, true, null, null, null, List.of(), null, null,
                    null, "{}")).id());
        }
        DirectoryGroup everyone = group("Everyone", List.of());
        long before = f.lastEventId();
        groups().update(directoryId, everyone.id(), null, edit -> {
            edit.addMembers(ids);
            edit.removeMembers(ids.subList(0, 3));
        });
        List<JsonNode> added = dataOf("dsync.group.user_added", before);
        assertEquals(ids, added.stream().map(data -> data.at("/user/id").asText()).toList());
        assertEquals(617, added.get(0).at("/group/memberCount").asInt(), "the group as it is after the request");
        assertEquals(ids.subList(0, 3), dataOf("dsync.group.user_removed", before).stream()
                .map(data -> data.at("/user/id").asText()).toList());
    }
}
