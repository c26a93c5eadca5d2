package io.scimgate.conformance.suite;

import static io.scimgate.conformance.suite.Json.expect;
import static io.scimgate.conformance.suite.Json.patch;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.conformance.http.Http;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * JumpCloud, replaying IDP-QUIRKS.md §4: its test connection creates a real user and group and then
 * deletes both; user_deprovision (set inactive) and user_delete_provision (DELETE) are separate
 * events; groups are looked up by name and taken over, members added as a value list.
 */
class JumpCloudTest {

    private Tenant tenant;
    private Http jumpcloud;

    @BeforeEach
    void tenant() {
        tenant = Tenant.of("jumpcloud");
        jumpcloud = tenant.scim;
    }

    private static String user(String email) {
        return """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s",
                 "name":{"givenName":"Jay","familyName":"Cloud"},"emails":[{"value":"%s","type":"work","primary":true}],
                 "active":true}
                """.formatted(email, email);
    }

    @Test
    @DisplayName("§11.22 JumpCloud test connection: a probe user and a probe group are created, then DELETEd (204 each) and gone (404)")
    @Scenario(22)
    @Step(provider = "jumpcloud", step = "test connection")
    void testConnection() {
        String userId = Json.id(jumpcloud.post("Users", user(tenant.employee("probe"))));
        String groupId = Json.id(jumpcloud.post("Groups", Groups.group("JumpCloud test group", List.of(userId))));
        Groups.deleteAndExpectGone(jumpcloud, groupId);
        expect(204, jumpcloud.delete("Users/" + userId));
        expect(404, jumpcloud.get("Users/" + userId));
        assertEquals(0, expect(200, jumpcloud.get("Users")).get("totalResults").asInt(), "no test user left behind");
        assertEquals(0, expect(200, jumpcloud.get("Groups")).get("totalResults").asInt(), "no test group left behind");
    }

    @Test
    @DisplayName("JumpCloud user_deprovision sets inactive; user_delete_provision deletes")
    @Step(provider = "jumpcloud", step = "create")
    @Step(provider = "jumpcloud", step = "deactivate")
    @Step(provider = "jumpcloud", step = "delete")
    void deprovisionThenDelete() {
        String email = tenant.employee("jay");
        String id = Json.id(jumpcloud.post("Users", user(email)));
        assertEquals("active", tenant.membershipStatus(email));
        expect(200, jumpcloud.patch("Users/" + id, patch("[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]")));
        assertEquals("inactive", tenant.membershipStatus(email));
        expect(204, jumpcloud.delete("Users/" + id));
        assertEquals("inactive", tenant.membershipStatus(email));
    }

    @Test
    @DisplayName("JumpCloud attribute change and reactivation (inferred): PATCH replace of the name, then active true")
    @Step(provider = "jumpcloud", step = "profile update")
    @Step(provider = "jumpcloud", step = "reactivate")
    void updateAndReactivate() {
        String email = tenant.employee("kay");
        String id = Json.id(jumpcloud.post("Users", user(email)));
        expect(200, jumpcloud.patch("Users/" + id, patch("[{\"op\":\"replace\",\"path\":\"name.givenName\",\"value\":\"Kay\"}]")));
        assertEquals("Kay", tenant.user(email).get("firstName").asText());
        expect(200, jumpcloud.patch("Users/" + id, patch("[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]")));
        expect(200, jumpcloud.patch("Users/" + id, patch("[{\"op\":\"replace\",\"path\":\"active\",\"value\":true}]")));
        assertEquals("active", tenant.membershipStatus(email));
    }

    /** JumpCloud looks a group up by name before creating it; a match is taken over. Empty groups are never created. */
    private String syncGroup(String displayName, List<String> memberIds) {
        JsonNode found = Groups.byDisplayName(jumpcloud, displayName, "");
        if (found.get("totalResults").asInt() == 1) {
            String id = found.at("/Resources/0/id").asText();
            expect(204, jumpcloud.patch("Groups/" + id, Groups.membersPatch("add", memberIds)));
            return id;
        }
        assertEquals(0, found.get("totalResults").asInt());
        return Json.id(jumpcloud.post("Groups", Groups.group(displayName, memberIds)));
    }

    @Test
    @DisplayName("JumpCloud group sync: displayName eq finds nothing → POST with members; finds a group of that name → taken over with a lowercase add")
    @Step(provider = "jumpcloud", step = "group create")
    @Step(provider = "jumpcloud", step = "group members")
    void groupTakeoverByName() {
        List<String> users = tenant.pushEmployees("j1", "j2", "j3");
        String existing = Json.id(jumpcloud.post("Groups", Groups.group("Engineering", List.of(users.get(2)))));

        String design = syncGroup("Design", List.of(users.get(0)));
        Groups.assertMembers(jumpcloud, design, List.of(users.get(0)));
        assertEquals(existing, syncGroup("Engineering", users.subList(0, 2)), "the existing group is taken over");
        Groups.assertMembers(jumpcloud, existing, users);
        assertEquals(2, expect(200, jumpcloud.get("Groups")).get("totalResults").asInt(), "no second Engineering group");

        expect(204, jumpcloud.patch("Groups/" + existing, Groups.membersPatch("remove", users.subList(1, 2))));
        Groups.assertMembers(jumpcloud, existing, List.of(users.get(0), users.get(2)));
        Groups.assertMemberEvents(tenant, "dsync.group.user_added", existing, List.of(users.get(2), users.get(0), users.get(1)));
        Groups.assertMemberEvents(tenant, "dsync.group.user_removed", existing, List.of(users.get(1)));
    }

    @Test
    @DisplayName("JumpCloud pushes a rename as replace of displayName and DELETEs a group deleted in JumpCloud")
    @Step(provider = "jumpcloud", step = "group rename")
    @Step(provider = "jumpcloud", step = "group delete")
    void renameAndDeleteGroup() {
        List<String> users = tenant.pushEmployees("jr1");
        String id = syncGroup("Support", users);
        expect(204, jumpcloud.patch("Groups/" + id, patch("[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Support Tier 2\"}]")));
        assertEquals(1, Groups.byDisplayName(jumpcloud, "Support Tier 2", "").get("totalResults").asInt());
        assertEquals(0, Groups.byDisplayName(jumpcloud, "Support", "").get("totalResults").asInt());
        Groups.assertMembers(jumpcloud, id, users);
        Groups.deleteAndExpectGone(jumpcloud, id);
        assertEquals("active", tenant.membershipStatus(tenant.employee("jr1")), "JumpCloud deactivates users itself when it means to");
    }
}
