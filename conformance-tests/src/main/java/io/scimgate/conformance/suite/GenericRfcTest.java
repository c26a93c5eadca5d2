package io.scimgate.conformance.suite;

import static io.scimgate.conformance.suite.Json.expect;
import static io.scimgate.conformance.suite.Json.filter;
import static io.scimgate.conformance.suite.Json.patch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.conformance.http.Http;
import io.scimgate.conformance.http.HttpReply;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A generic RFC 7643/7644 client (IDP-QUIRKS.md §9). */
class GenericRfcTest {

    private Tenant tenant;
    private Http scim;

    @BeforeEach
    void tenant() {
        tenant = Tenant.of("generic");
        scim = tenant.scim;
    }

    private String create(String userName) {
        return Json.id(scim.post("Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s",
                 "emails":[{"value":"%s","type":"work","primary":true}]}
                """.formatted(userName, userName)));
    }

    @Test
    @DisplayName("§11.13 Case: create Ana.Lee@…; filter userName eq ANA.LEE@… → 1 result, userName as first sent")
    @Scenario(13)
    @Step(provider = "generic", step = "create")
    void userNameIsCaseInsensitive() {
        String userName = "Ana.Lee@" + tenant.domain.toUpperCase().charAt(0) + tenant.domain.substring(1);
        create(userName);
        JsonNode found = expect(200, scim.get("Users?" + filter("userName eq \"" + userName.toUpperCase() + "\"")));
        assertEquals(1, found.get("totalResults").asInt());
        assertEquals(userName, found.at("/Resources/0/userName").asText());
    }

    @Test
    @DisplayName("§11.14 Paging: 250 users; startIndex 1, 101, 201 with count 100 → 100, 100 and 50, no duplicates, integer fields")
    @Scenario(14)
    @Step(provider = "generic", step = "import")
    void paging() {
        for (int i = 0; i < 250; i++) {
            expect(201, scim.post("Users", "{\"userName\":\"page" + i + "@elsewhere.example\"}"));
        }
        Set<String> seen = new HashSet<>();
        int[] expectedSizes = {100, 100, 50};
        for (int page = 0; page < 3; page++) {
            JsonNode list = expect(200, scim.get("Users?startIndex=" + (1 + page * 100) + "&count=100"));
            assertTrue(list.get("totalResults").isInt() && list.get("startIndex").isInt() && list.get("itemsPerPage").isInt());
            assertEquals(250, list.get("totalResults").asInt());
            assertEquals(1 + page * 100, list.get("startIndex").asInt());
            assertEquals(expectedSizes[page], list.get("Resources").size());
            list.get("Resources").forEach(user -> assertTrue(seen.add(user.get("id").asText()), "no duplicates"));
        }
        assertEquals(250, seen.size());
    }

    @Test
    @DisplayName("§11.19 GET /Users/does-not-exist → 404 with a SCIM Error body whose detail is filled in")
    @Scenario(19)
    void unknownIdIsNotFound() {
        HttpReply reply = scim.get("Users/does-not-exist");
        JsonNode error = expect(404, reply);
        assertEquals(Json.ERROR, error.at("/schemas/0").asText());
        assertEquals("404", error.get("status").asText());
        assertFalse(error.get("detail").asText().isBlank());
    }

    @Test
    @DisplayName("Generic lifecycle: PATCH to deactivate and reactivate, DELETE to remove")
    @Step(provider = "generic", step = "profile update")
    @Step(provider = "generic", step = "deactivate")
    @Step(provider = "generic", step = "reactivate")
    @Step(provider = "generic", step = "delete")
    void lifecycle() {
        String email = tenant.employee("gen");
        String id = create(email);
        expect(200, scim.patch("Users/" + id, patch("[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Gen Eric\"}]")));
        expect(200, scim.patch("Users/" + id, patch("[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]")));
        assertEquals("inactive", tenant.membershipStatus(email));
        expect(200, scim.patch("Users/" + id, patch("[{\"op\":\"replace\",\"path\":\"active\",\"value\":true}]")));
        assertEquals("active", tenant.membershipStatus(email));
        expect(204, scim.delete("Users/" + id));
        assertEquals("inactive", tenant.membershipStatus(email));
    }

    @Test
    @DisplayName("Generic: If-Match with a stale version → 412; count=0 → the true total")
    void versionsAndCounting() {
        String id = create(tenant.employee("ver"));
        HttpReply stale = scim.send("PATCH", "Users/" + id,
                patch("[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"x\"}]"), Map.of("If-Match", "W/\"99\""));
        assertEquals(412, stale.status(), stale::toString);
        assertEquals(1, expect(200, scim.get("Users?count=0")).get("totalResults").asInt());
    }

    @Test
    @DisplayName("Generic discovery: /ServiceProviderConfig announces what is supported; /ResourceTypes and /Schemas list Users, Groups and Roles")
    @Step(provider = "generic", step = "discovery")
    void discovery() {
        JsonNode config = expect(200, scim.get("ServiceProviderConfig"));
        assertTrue(config.at("/patch/supported").asBoolean() && config.at("/bulk/supported").asBoolean());
        assertEquals(100, config.at("/filter/maxResults").asInt());
        Set<String> types = new HashSet<>();
        expect(200, scim.get("ResourceTypes")).get("Resources").forEach(type -> types.add(type.get("name").asText()));
        assertEquals(Set.of("User", "Group", "Role"), types);
        Set<String> schemas = new HashSet<>();
        expect(200, scim.get("Schemas")).get("Resources").forEach(schema -> schemas.add(schema.get("id").asText()));
        assertTrue(schemas.containsAll(Set.of(Json.USER, Json.GROUP, Json.ENTERPRISE)), schemas::toString);
    }

    @Test
    @DisplayName("Generic group lifecycle: POST with members, PATCH add and members[value eq] remove, PUT rename, DELETE")
    @Step(provider = "generic", step = "group create")
    @Step(provider = "generic", step = "group members")
    @Step(provider = "generic", step = "group rename")
    @Step(provider = "generic", step = "group delete")
    void groupLifecycle() {
        List<String> users = tenant.pushEmployees("gg1", "gg2", "gg3");
        JsonNode created = expect(201, scim.post("Groups", Groups.group("Research", users.subList(0, 1))));
        String id = created.get("id").asText();
        assertEquals(1, created.get("members").size());
        assertTrue(created.at("/meta/location").asText().endsWith("/Groups/" + id));

        expect(204, scim.patch("Groups/" + id, patch("[{\"op\":\"add\",\"path\":\"members\",\"value\":"
                + Groups.memberList(users.subList(1, 3)) + "},{\"op\":\"remove\",\"path\":\"members[value eq \\\""
                + users.get(0) + "\\\" or value eq \\\"" + users.get(1) + "\\\"]\"}]")));
        Groups.assertMembers(scim, id, users.subList(2, 3));
        Groups.assertMemberEvents(tenant, "dsync.group.user_added", id, users);
        Groups.assertMemberEvents(tenant, "dsync.group.user_removed", id, users.subList(0, 2));

        JsonNode renamed = expect(200, scim.put("Groups/" + id, "{\"schemas\":[\"" + Json.GROUP + "\"],\"displayName\":\"R&D\"}"));
        assertEquals("R&D", renamed.get("displayName").asText());
        Groups.assertMembers(scim, id, users.subList(2, 3));
        assertEquals(1, expect(200, scim.get("Groups?" + filter("members[value eq \"" + users.get(2) + "\"]"))).get("totalResults").asInt());

        Groups.deleteAndExpectGone(scim, id);
        expect(200, scim.get("Users/" + users.get(2)));
    }

    @Test
    @DisplayName("§11.9 Generic remove of members with no value and no filter empties the group")
    @Scenario(9)
    @Step(provider = "generic", step = "group empty push")
    void removeMembersWithoutValue() {
        List<String> users = tenant.pushEmployees("rm1", "rm2");
        String id = Json.id(scim.post("Groups", Groups.group("Everyone", users)));
        expect(204, scim.patch("Groups/" + id, patch("[{\"op\":\"remove\",\"path\":\"members\"}]")));
        Groups.assertMembers(scim, id, List.of());
        Groups.assertMemberEvents(tenant, "dsync.group.user_removed", id, users);
        assertEquals("Everyone", expect(200, scim.get("Groups/" + id)).get("displayName").asText());
    }
}
