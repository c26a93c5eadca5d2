package io.scimgate.conformance.suite;

import static io.scimgate.conformance.suite.Json.expect;
import static io.scimgate.conformance.suite.Json.filter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.conformance.http.Http;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * PingFederate's SCIM provisioner and PingOne, replaying IDP-QUIRKS.md §5: users matched by userName,
 * updated only by PUT, disabled by PUT active=false or deleted, optionally created disabled; groups
 * found by listing them all, changed by PUT of the whole group (or PATCH, since connector 1.4).
 */
class PingFederateTest {

    private Tenant tenant;
    private Http ping;

    @BeforeEach
    void tenant() {
        tenant = Tenant.of("pingfederate");
        ping = tenant.scim;
    }

    private static String user(String userName, String givenName, boolean active) {
        return """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s","externalId":"ping-%s",
                 "name":{"givenName":"%s","familyName":"Ping"},"emails":[{"value":"%s","type":"work","primary":true}],
                 "active":%s}
                """.formatted(userName, userName.hashCode(), givenName, userName, active);
    }

    @Test
    @DisplayName("PingFederate: match by userName, POST, update by PUT only")
    @Step(provider = "pingfederate", step = "create")
    @Step(provider = "pingfederate", step = "profile update")
    void createAndUpdateByPut() {
        String email = tenant.employee("pat");
        assertEquals(0, expect(200, ping.get("Users?" + filter("userName eq \"" + email + "\""))).get("totalResults").asInt());
        String id = Json.id(ping.post("Users", user(email, "Pat", true)));
        JsonNode updated = expect(200, ping.put("Users/" + id, user(email, "Patricia", true)));
        assertEquals("Patricia", updated.at("/name/givenName").asText());
        assertEquals("Patricia", tenant.user(email).get("firstName").asText());
    }

    @Test
    @DisplayName("PingFederate Remove User Action = Disable: PUT active=false; Delete: DELETE")
    @Step(provider = "pingfederate", step = "deactivate")
    @Step(provider = "pingfederate", step = "delete")
    void disableAndDelete() {
        String disabled = tenant.employee("dis");
        String disabledId = Json.id(ping.post("Users", user(disabled, "Dis", true)));
        expect(200, ping.put("Users/" + disabledId, user(disabled, "Dis", false)));
        assertEquals("inactive", tenant.membershipStatus(disabled));

        String deleted = tenant.employee("del");
        String deletedId = Json.id(ping.post("Users", user(deleted, "Del", true)));
        expect(204, ping.delete("Users/" + deletedId));
        assertEquals("inactive", tenant.membershipStatus(deleted));
    }

    @Test
    @DisplayName("PingFederate 'Provision disabled users': a user created inactive is kept but not provisioned until enabled")
    @Step(provider = "pingfederate", step = "reactivate")
    void provisionDisabledUsers() {
        String email = tenant.employee("later");
        String id = Json.id(ping.post("Users", user(email, "Later", false)));
        assertFalse(expect(200, ping.get("Users/" + id)).get("active").asBoolean());
        assertEquals("inactive", tenant.provisioning(id).get("state").asText());
        assertFalse(tenant.hasUser(email));
        expect(200, ping.put("Users/" + id, user(email, "Later", true)));
        assertEquals("active", tenant.membershipStatus(email));
    }

    /**
     * How Ping finds a group: it lists every group, page after page, and matches names itself.
     * Every group once, by id, with its displayName.
     */
    private Map<String, String> allGroups() {
        Map<String, String> groups = new LinkedHashMap<>();
        int startIndex = 1;
        int total;
        do {
            JsonNode page = expect(200, ping.get("Groups?startIndex=" + startIndex + "&count=100"));
            total = page.get("totalResults").asInt();
            assertEquals(startIndex, page.get("startIndex").asInt());
            JsonNode resources = page.path("Resources");
            assertEquals(Math.min(100, total - startIndex + 1), resources.size(), "a full page unless it is the last");
            resources.forEach(group -> assertNull(groups.put(group.get("id").asText(), group.get("displayName").asText()),
                    "a group on two pages"));
            startIndex += resources.size();
        } while (startIndex <= total);
        assertEquals(total, groups.size());
        return groups;
    }

    private String createGroup(String displayName, List<String> memberIds) {
        assertFalse(allGroups().containsValue(displayName));
        String id = Json.id(ping.post("Groups", Groups.group(displayName, memberIds)));
        assertEquals(displayName, allGroups().get(id));
        return id;
    }

    @Test
    @DisplayName("§11.23 Ping group discovery: with 350 groups, paging GET /Groups reaches every group exactly once")
    @Scenario(23)
    @Step(provider = "pingfederate", step = "group create")
    void groupDiscoveryByPaging() {
        Map<String, String> created = new LinkedHashMap<>();
        for (int i = 0; i < 350; i++) {
            String name = "Team " + i;
            created.put(Json.id(ping.post("Groups", Groups.group(name, List.of()))), name);
        }
        assertEquals(created, allGroups());
        JsonNode last = expect(200, ping.get("Groups?startIndex=301&count=100"));
        assertEquals(350, last.get("totalResults").asInt());
        assertEquals(50, last.get("itemsPerPage").asInt());
    }

    @Test
    @DisplayName("PingFederate group provisioning: pages all groups to find it, POSTs it with members, then PUTs the whole group on each change")
    @Step(provider = "pingfederate", step = "group create")
    @Step(provider = "pingfederate", step = "group members")
    @Step(provider = "pingfederate", step = "group rename")
    @Step(provider = "pingfederate", step = "group empty push")
    void groupProvisioningByPut() {
        List<String> users = tenant.pushEmployees("p1", "p2", "p3");
        String id = createGroup("Operations", users.subList(0, 2));
        Groups.assertMembers(ping, id, users.subList(0, 2));

        JsonNode replaced = expect(200, ping.put("Groups/" + id, Groups.group("Operations", users.subList(1, 3))));
        assertEquals(2, replaced.get("members").size());
        Groups.assertMembers(ping, id, users.subList(1, 3));
        Groups.assertMemberEvents(tenant, "dsync.group.user_added", id, users);
        Groups.assertMemberEvents(tenant, "dsync.group.user_removed", id, users.subList(0, 1));

        expect(200, ping.put("Groups/" + id, Groups.group("Site Operations", users.subList(1, 3))));
        assertEquals("Site Operations", allGroups().get(id));
        Groups.assertMembers(ping, id, users.subList(1, 3));

        expect(200, ping.put("Groups/" + id, Groups.group("Site Operations", List.of())));
        Groups.assertMembers(ping, id, List.of());
    }

    @Test
    @DisplayName("PingFederate with group PATCH enabled (connector 1.4+): members added and removed by PATCH")
    @Step(provider = "pingfederate", step = "group members")
    void groupMembersByPatch() {
        List<String> users = tenant.pushEmployees("pp1", "pp2");
        String id = createGroup("Security", List.of());
        expect(204, ping.patch("Groups/" + id, Groups.membersPatch("add", users)));
        expect(204, ping.patch("Groups/" + id, Groups.membersPatch("remove", users.subList(0, 1))));
        Groups.assertMembers(ping, id, users.subList(1, 2));
    }

    @Test
    @DisplayName("PingFederate removes a group from the target (inferred): DELETE → 204, then 404 and gone from the listing")
    @Step(provider = "pingfederate", step = "group delete")
    void groupDelete() {
        String id = createGroup("Temporary", tenant.pushEmployees("pd1"));
        Groups.deleteAndExpectGone(ping, id);
        assertFalse(allGroups().containsKey(id));
    }
}
