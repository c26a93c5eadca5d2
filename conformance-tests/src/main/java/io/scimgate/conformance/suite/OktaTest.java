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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Okta, OIN integration (PATCH for active, PUT for profile) and AIW custom app (PUT for everything),
 * replaying the requests of IDP-QUIRKS.md §2. Okta never deletes users.
 */
class OktaTest {

    private Tenant tenant;
    private Http okta;

    @BeforeEach
    void tenant() {
        tenant = Tenant.of("okta");
        okta = tenant.scim.withHeader("User-Agent", "Okta SCIM Client 1.0.0")
                .withHeader("Content-Type", "application/scim+json; charset=utf-8");
    }

    private String oktaUser(String userName, boolean active) {
        return """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],
                 "userName":"%s","name":{"givenName":"Ana","familyName":"Lee"},
                 "emails":[{"primary":true,"value":"%s","type":"work"}],
                 "displayName":"Ana Lee","locale":"en-US","externalId":"00u1abcd","groups":[],
                 "password":"1mz050nq","active":%s}
                """.formatted(userName, userName, active);
    }

    /** Okta's group push starts with a POST whose members are an empty list. */
    private String pushGroup(String displayName) {
        JsonNode created = expect(201, okta.post("Groups", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"%s","members":[]}
                """.formatted(displayName)));
        assertEquals(displayName, created.get("displayName").asText());
        assertTrue(!created.has("members") || created.get("members").isEmpty());
        return created.get("id").asText();
    }

    /** Okta's membership push: an add on members, each member with its display name. */
    private void addMembers(String groupId, List<String> userIds) {
        List<String> members = new ArrayList<>();
        userIds.forEach(id -> members.add("{\"value\":\"" + id + "\",\"display\":\"" + id + "\"}"));
        expect(204, okta.patch("Groups/" + groupId, patch("[{\"op\":\"add\",\"path\":\"members\",\"value\":" + members + "}]")));
    }

    private String createAsOktaDoes(String userName) {
        JsonNode lookup = expect(200, okta.get("Users?" + filter("userName eq \"" + userName + "\"") + "&startIndex=1&count=100"));
        assertEquals(0, lookup.get("totalResults").asInt());
        HttpReply created = okta.post("Users", oktaUser(userName, true));
        JsonNode user = expect(201, created);
        assertFalse(user.isEmpty(), "Okta treats an empty create response as an error");
        return user.get("id").asText();
    }

    @Test
    @DisplayName("Okta test credentials: GET /Users?startIndex=1&count=2 answers a ListResponse with integers")
    @Step(provider = "okta", step = "test connection")
    void testConnection() {
        JsonNode list = expect(200, okta.get("Users?startIndex=1&count=2"));
        assertEquals(Json.LIST, list.at("/schemas/0").asText());
        assertTrue(list.get("totalResults").isInt() && list.get("startIndex").isInt() && list.get("itemsPerPage").isInt());
    }

    @Test
    @DisplayName("Okta assign: existence check, then POST; the employee becomes an active member")
    @Step(provider = "okta", step = "create")
    void create() {
        String email = tenant.employee("ana.lee");
        String id = createAsOktaDoes(email);
        JsonNode user = expect(200, okta.get("Users/" + id));
        assertEquals("Ana", user.at("/name/givenName").asText());
        assertEquals("Lee", user.at("/name/familyName").asText());
        assertTrue(user.at("/emails/0/primary").asBoolean());
        assertTrue(user.get("active").asBoolean());
        assertFalse(user.has("password"));
        assertEquals("active", tenant.membershipStatus(email));
        assertEquals(1, expect(200, okta.get("Users?" + filter("userName eq \"" + email.toUpperCase() + "\"")))
                .get("totalResults").asInt(), "userName matches ignoring case");
    }

    @Test
    @DisplayName("§11.12 Okta duplicate POST of an existing userName → 409 with the Error schema, scimType uniqueness, status \"409\"")
    @Scenario(12)
    @Step(provider = "okta", step = "create")
    void duplicateIsConflict() {
        String email = tenant.employee("dup");
        createAsOktaDoes(email);
        JsonNode error = expect(409, okta.post("Users", oktaUser(email.toUpperCase(), true)));
        assertEquals(Json.ERROR, error.at("/schemas/0").asText());
        assertEquals("uniqueness", error.get("scimType").asText());
        assertEquals("409", error.get("status").asText());
    }

    @Test
    @DisplayName("Okta profile push: GET then PUT of the whole user; names reach the verified-domain User")
    @Step(provider = "okta", step = "profile update")
    void profileUpdateByPut() {
        String email = tenant.employee("bo");
        String id = createAsOktaDoes(email);
        JsonNode current = expect(200, okta.get("Users/" + id));
        String replaced = current.toString().replace("\"givenName\":\"Ana\"", "\"givenName\":\"Bo\"");
        JsonNode updated = expect(200, okta.put("Users/" + id, replaced));
        assertEquals("Bo", updated.at("/name/givenName").asText());
        assertEquals("Bo", tenant.user(email).get("firstName").asText());
    }

    @Test
    @DisplayName("Okta deactivate and reactivate: path-less replace of active; membership inactive, then restored")
    @Step(provider = "okta", step = "deactivate")
    @Step(provider = "okta", step = "reactivate")
    void deactivateAndReactivate() {
        String email = tenant.employee("cy");
        String id = createAsOktaDoes(email);
        tenant.addRoles(List.of("admin"));
        expect(200, tenant.admin.http().patch("memberships/" + tenant.membership(email).get("id").asText(),
                "{\"role\":\"admin\"}"));

        expect(200, okta.patch("Users/" + id, patch("[{\"op\":\"replace\",\"value\":{\"active\":false}}]")));
        assertFalse(expect(200, okta.get("Users/" + id)).get("active").asBoolean());
        JsonNode inactive = tenant.membership(email);
        assertEquals("inactive", inactive.get("status").asText());
        assertEquals("member", inactive.get("role").asText());

        expect(200, okta.patch("Users/" + id, patch("[{\"op\":\"replace\",\"value\":{\"active\":true}}]")));
        JsonNode restored = tenant.membership(email);
        assertEquals("active", restored.get("status").asText());
        assertEquals("admin", restored.get("role").asText());
    }

    @Test
    @DisplayName("§11.17 Okta AIW: a PUT of the full user with active false deactivates; a PUT without active leaves it as it is")
    @Scenario(17)
    @Step(provider = "okta", step = "deactivate")
    void aiwDeactivatesByPut() {
        String email = tenant.employee("di");
        String id = createAsOktaDoes(email);
        assertFalse(expect(200, okta.put("Users/" + id, oktaUser(email, false))).get("active").asBoolean());
        assertFalse(expect(200, okta.get("Users/" + id)).get("active").asBoolean());
        assertEquals("inactive", tenant.membershipStatus(email));
        String withoutActive = """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],
                 "userName":"%s","name":{"givenName":"Ana","familyName":"Lee"},
                 "emails":[{"primary":true,"value":"%s","type":"work"}],"title":"Lead"}
                """.formatted(email, email);
        JsonNode unchanged = expect(200, okta.put("Users/" + id, withoutActive));
        assertFalse(unchanged.get("active").asBoolean());
        assertEquals("Lead", unchanged.get("title").asText());
    }

    @Test
    @DisplayName("Okta import: paging with startIndex while startIndex <= totalResults returns everyone once")
    @Step(provider = "okta", step = "import")
    void importPages() {
        for (int i = 0; i < 5; i++) {
            expect(201, okta.post("Users", oktaUser(tenant.employee("import" + i), true)));
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        int startIndex = 1;
        int total;
        do {
            JsonNode page = expect(200, okta.get("Users?startIndex=" + startIndex + "&count=2"));
            total = page.get("totalResults").asInt();
            page.get("Resources").forEach(user -> assertTrue(seen.add(user.get("id").asText())));
            startIndex += 2;
        } while (startIndex <= total);
        assertEquals(5, seen.size());
    }

    @Test
    @DisplayName("Okta headers: charset in Content-Type, Accept-Encoding gzip, text/json bodies are all accepted")
    void headers() {
        HttpReply created = okta.send("POST", "Users", oktaUser(tenant.employee("hdr"), true),
                Map.of("Accept-Encoding", "gzip,deflate", "Content-Type", "text/json"));
        expect(201, created);
    }

    @Test
    @DisplayName("Okta group push: POST with members [], PATCH add, PATCH remove of members[value eq]; the mapped role follows membership")
    @Step(provider = "okta", step = "group create")
    @Step(provider = "okta", step = "group members")
    void groupPush() {
        List<String> users = tenant.pushEmployees("ana", "bo");
        String id = pushGroup("Engineering");
        Groups.assertMembers(okta, id, List.of());
        tenant.mapGroupsToRoles(Map.of(id, "engineer"));

        addMembers(id, users);
        Groups.assertMembers(okta, id, users);
        Groups.assertMemberEvents(tenant, "dsync.group.user_added", id, users);
        assertEquals("engineer", tenant.role(tenant.employee("ana")));

        expect(204, okta.patch("Groups/" + id, patch(
                "[{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + users.get(0) + "\\\"]\"}]")));
        Groups.assertMembers(okta, id, List.of(users.get(1)));
        Groups.assertMemberEvents(tenant, "dsync.group.user_removed", id, List.of(users.get(0)));
        assertEquals("member", tenant.role(tenant.employee("ana")), "back to the default role");
        assertEquals("engineer", tenant.role(tenant.employee("bo")));
    }

    @Test
    @DisplayName("§11.11 Okta re-sends the name on every push, {\"id\":\"g-9\",\"displayName\":\"Eng2\"}: renamed once, members kept, id unchanged")
    @Scenario(11)
    @Step(provider = "okta", step = "group rename")
    void renameOnEveryPush() {
        List<String> users = tenant.pushEmployees("ren1", "ren2");
        String id = pushGroup("Eng");
        addMembers(id, users);
        String rename = patch("[{\"op\":\"replace\",\"value\":{\"id\":\"g-9\",\"displayName\":\"Eng2\"}}]");
        expect(204, okta.patch("Groups/" + id, rename));
        expect(204, okta.patch("Groups/" + id, rename));
        JsonNode group = expect(200, okta.get("Groups/" + id));
        assertEquals(id, group.get("id").asText());
        assertEquals("Eng2", group.get("displayName").asText());
        Groups.assertMembers(okta, id, users);
        expect(404, okta.get("Groups/g-9"));
        assertEquals(List.of("dsync.group.updated"), tenant.events("dsync.group.updated"), "the repeated push changes nothing");
        Groups.assertMemberEvents(tenant, "dsync.group.user_removed", id, List.of());
    }

    @Test
    @DisplayName("§11.10 Okta \"Push now\" on an emptied group: replace members [] → 204, the group is empty and still there")
    @Scenario(10)
    @Step(provider = "okta", step = "group empty push")
    void emptyPush() {
        List<String> users = tenant.pushEmployees("e1", "e2");
        String id = pushGroup("Contractors");
        addMembers(id, users);
        expect(204, okta.patch("Groups/" + id, patch("[{\"op\":\"replace\",\"path\":\"members\",\"value\":[]}]")));
        Groups.assertMembers(okta, id, List.of());
        assertEquals("Contractors", expect(200, okta.get("Groups/" + id)).get("displayName").asText());
        Groups.assertMemberEvents(tenant, "dsync.group.user_removed", id, users);
        assertEquals("active", tenant.membershipStatus(tenant.employee("e1")), "leaving a group never deprovisions");
    }

    @Test
    @DisplayName("Okta AIW group push: POST, then a PUT of the whole group for each change (members, rename, empty)")
    @Step(provider = "okta", step = "group create")
    @Step(provider = "okta", step = "group rename")
    @Step(provider = "okta", step = "group members")
    @Step(provider = "okta", step = "group empty push")
    void aiwGroupPushByPut() {
        List<String> users = tenant.pushEmployees("aiw1", "aiw2");
        String id = pushGroup("Design");
        JsonNode put = expect(200, okta.put("Groups/" + id, Groups.group("Design", users)));
        assertEquals(2, put.get("members").size());
        Groups.assertMembers(okta, id, users);

        expect(200, okta.put("Groups/" + id, Groups.group("Product Design", List.of(users.get(1)))));
        assertEquals("Product Design", expect(200, okta.get("Groups/" + id)).get("displayName").asText());
        Groups.assertMembers(okta, id, List.of(users.get(1)));
        Groups.assertMemberEvents(tenant, "dsync.group.user_removed", id, List.of(users.get(0)));

        expect(200, okta.put("Groups/" + id, Groups.group("Product Design", List.of())));
        Groups.assertMembers(okta, id, List.of());
    }

    @Test
    @DisplayName("Okta unlink with \"delete the group in the target\": DELETE /Groups/{id} → 204, then 404; the members stay active")
    @Step(provider = "okta", step = "group delete")
    void unlinkDeletesGroup() {
        List<String> users = tenant.pushEmployees("del1");
        String id = pushGroup("Legacy");
        addMembers(id, users);
        Groups.deleteAndExpectGone(okta, id);
        assertEquals(List.of("dsync.group.deleted"), tenant.events("dsync.group.deleted"));
        assertEquals("active", tenant.membershipStatus(tenant.employee("del1")));
        expect(200, okta.get("Users/" + users.get(0)));
    }
}
