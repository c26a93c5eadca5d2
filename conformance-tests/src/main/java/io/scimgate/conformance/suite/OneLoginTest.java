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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * OneLogin, replaying IDP-QUIRKS.md §3: users built from an admin's JSON template (legacy schema URIs,
 * quoted booleans), updates by PUT with a trailing "?", application/json responses, DELETE or
 * suspend to deprovision.
 */
class OneLoginTest {

    private Tenant tenant;
    private Http onelogin;

    @BeforeEach
    void tenant() {
        tenant = Tenant.of("onelogin");
        onelogin = tenant.scim.withHeader("Accept", "application/json").withHeader("Content-Type", "application/json");
    }

    private static String templateUser(String userName, String givenName, String active) {
        return """
                {"schemas":["urn:scim:schemas:core:2.0","urn:scim:schemas:extension:enterprise:2.0"],
                 "userName":"%s","name":{"givenName":"%s","familyName":" Lee"},
                 "emails":[{"value":"%s","primary":"true"}],"active":"%s"}
                """.formatted(userName, givenName, userName, active);
    }

    private String create(String email) {
        JsonNode miss = expect(200, onelogin.get("Users?" + filter("userName eq \"" + email + "\"")));
        assertEquals(0, miss.get("totalResults").asInt());
        HttpReply created = onelogin.post("Users", templateUser(email, "Ana", "true"));
        assertTrue(created.contentType().startsWith("application/json"), created.contentType());
        return Json.id(created);
    }

    @Test
    @DisplayName("OneLogin connect check: a filter on a name that does not exist answers an empty list")
    @Step(provider = "onelogin", step = "test connection")
    void testConnection() {
        JsonNode list = expect(200, onelogin.get("Users?" + filter("userName eq \"onelogin-connect-check\"")));
        assertEquals(0, list.get("totalResults").asInt());
    }

    @Test
    @DisplayName("OneLogin create from a template: legacy schema URIs and quoted booleans are understood")
    @Step(provider = "onelogin", step = "create")
    void createFromTemplate() {
        String email = tenant.employee("ana");
        String id = create(email);
        JsonNode user = expect(200, onelogin.get("Users/" + id));
        assertTrue(user.get("active").isBoolean() && user.get("active").asBoolean());
        assertTrue(user.at("/emails/0/primary").asBoolean());
        assertEquals(Json.USER, user.at("/schemas/0").asText(), "RFC URNs are emitted");
        assertFalse(user.get("schemas").toString().contains("urn:scim:schemas:core"));
        assertEquals("active", tenant.membershipStatus(email));
    }

    @Test
    @DisplayName("§11.15 OneLogin PUT with urn:scim:schemas:core:2.0 and a trailing ? → 200; the name is replaced")
    @Scenario(15)
    @Step(provider = "onelogin", step = "profile update")
    void putWithLegacySchemaAndTrailingQuestionMark() {
        String email = tenant.employee("bo");
        String id = create(email);
        JsonNode updated = expect(200, onelogin.put("Users/" + id + "?", templateUser(email, "Bob", "true")));
        assertEquals("Bob", updated.at("/name/givenName").asText());
        assertEquals(" Lee", updated.at("/name/familyName").asText(), "leading spaces are kept as sent");
        assertEquals("Bob", tenant.user(email).get("firstName").asText());
    }

    @Test
    @DisplayName("OneLogin suspend: a templated PUT with active \"false\" deprovisions")
    @Step(provider = "onelogin", step = "deactivate")
    void suspend() {
        String email = tenant.employee("cy");
        String id = create(email);
        expect(200, onelogin.put("Users/" + id, templateUser(email, "Ana", "false")));
        assertEquals("inactive", tenant.membershipStatus(email));
    }

    @Test
    @DisplayName("OneLogin unsuspend (inferred): a templated PUT with active \"true\" reactivates the membership")
    @Step(provider = "onelogin", step = "reactivate")
    void unsuspend() {
        String email = tenant.employee("un");
        String id = create(email);
        expect(200, onelogin.put("Users/" + id, templateUser(email, "Ana", "false")));
        JsonNode restored = expect(200, onelogin.put("Users/" + id + "?", templateUser(email, "Ana", "true")));
        assertTrue(restored.get("active").asBoolean());
        assertEquals("active", tenant.membershipStatus(email));
    }

    @Test
    @DisplayName("OneLogin delete: DELETE /Users/{id} → 204, the membership becomes inactive, the User stays")
    @Step(provider = "onelogin", step = "delete")
    void delete() {
        String email = tenant.employee("di");
        String id = create(email);
        expect(204, onelogin.delete("Users/" + id));
        assertEquals("inactive", tenant.membershipStatus(email));
        assertTrue(tenant.hasUser(email));
    }

    @Test
    @DisplayName("§11.18 Content negotiation: Accept application/json gets application/json, Accept scim+json gets scim+json")
    @Scenario(18)
    void contentNegotiation() {
        String id = create(tenant.employee("neg"));
        HttpReply json = tenant.scim.send("GET", "Users/" + id, null,
                Map.of("Accept", "application/json", "Content-Type", "application/json"));
        assertTrue(json.contentType().startsWith("application/json"), json.contentType());
        HttpReply scim = tenant.scim.send("GET", "Users/" + id, null, Map.of("Accept", "application/scim+json"));
        assertTrue(scim.contentType().startsWith("application/scim+json"), scim.contentType());
        HttpReply error = tenant.scim.send("GET", "Users/missing", null, Map.of("Accept", "application/json"));
        assertTrue(error.contentType().startsWith("application/json"), error.contentType());
    }

    /** "Refresh Entitlements" lists the groups the admin can assign; then POST /Groups, answered as application/json. */
    private String createGroup(String displayName) {
        HttpReply entitlements = onelogin.get("Groups");
        assertTrue(entitlements.contentType().startsWith("application/json"), entitlements.contentType());
        expect(200, entitlements);
        HttpReply created = onelogin.post("Groups", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"%s"}
                """.formatted(displayName));
        assertTrue(created.contentType().startsWith("application/json"), created.contentType());
        return Json.id(created);
    }

    @Test
    @DisplayName("§11.16 (groups) OneLogin POST /Groups, then lowercase add of members and lowercase remove by value list")
    @Scenario(16)
    @Step(provider = "onelogin", step = "group create")
    @Step(provider = "onelogin", step = "group members")
    void lowercaseMemberOperations() {
        List<String> users = tenant.pushEmployees("m1", "m2");
        String id = createGroup("Eng");
        expect(204, onelogin.patch("Groups/" + id, Groups.membersPatch("add", users)));
        Groups.assertMembers(onelogin, id, users);
        Groups.assertMemberEvents(tenant, "dsync.group.user_added", id, users);

        expect(204, onelogin.patch("Groups/" + id, Groups.membersPatch("remove", users.subList(0, 1))));
        Groups.assertMembers(onelogin, id, users.subList(1, 2));
        Groups.assertMemberEvents(tenant, "dsync.group.user_removed", id, users.subList(0, 1));
        assertEquals(1, expect(200, onelogin.get("Groups")).get("totalResults").asInt(), "the next Refresh Entitlements lists it");
    }

    @Test
    @DisplayName("OneLogin group rename and delete (inferred): lowercase replace of displayName → 204, then DELETE → 204 and 404")
    @Step(provider = "onelogin", step = "group rename")
    @Step(provider = "onelogin", step = "group delete")
    void renameAndDeleteGroup() {
        List<String> users = tenant.pushEmployees("rd1");
        String id = createGroup("Sales");
        expect(204, onelogin.patch("Groups/" + id, Groups.membersPatch("add", users)));
        expect(204, onelogin.patch("Groups/" + id, patch("[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Sales EMEA\"}]")));
        assertEquals("Sales EMEA", expect(200, onelogin.get("Groups/" + id)).get("displayName").asText());
        Groups.assertMembers(onelogin, id, users);
        Groups.deleteAndExpectGone(onelogin, id);
        assertEquals(List.of("dsync.group.updated"), tenant.events("dsync.group.updated"));
        assertEquals(List.of("dsync.group.deleted"), tenant.events("dsync.group.deleted"));
    }
}
