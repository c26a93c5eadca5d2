package io.scimgate.conformance.suite;

import static io.scimgate.conformance.suite.Json.expect;
import static io.scimgate.conformance.suite.Json.filter;
import static io.scimgate.conformance.suite.Json.patch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.conformance.http.Http;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Microsoft Entra ID, replaying IDP-QUIRKS.md §1: PATCH-only updates, capitalised ops and string
 * booleans without the aadOptscim062020 flag, soft delete by active=false, hard delete 30 days later.
 * The flag arrives as a query parameter on every request when the admin appended it to the tenant URL.
 */
class EntraTest {

    private Tenant tenant;
    private Http entra;

    @BeforeEach
    void tenant() {
        tenant = Tenant.of("entra");
        entra = tenant.scim;
    }

    static String entraUser(String userName, String externalId) {
        return """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User",
                            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                 "externalId":"%s","userName":"%s","active":true,"displayName":"Ana Lee",
                 "emails":[{"primary":true,"type":"work","value":"%s"}],
                 "meta":{"resourceType":"User"},
                 "name":{"formatted":"Ana Lee","familyName":"Lee","givenName":"Ana"},
                 "roles":[],
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"7731","department":"Eng"}}
                """.formatted(externalId, userName, userName);
    }

    private String create(String email) {
        JsonNode miss = expect(200, entra.get("Users?" + filter("userName eq \"" + email + "\"")));
        assertEquals(0, miss.get("totalResults").asInt());
        return Json.id(entra.post("Users", entraUser(email, UUID.randomUUID().toString())));
    }

    /** Entra's group push: the lookup without members, POST without members, then one Add of them all. */
    private String pushGroup(String displayName, List<String> memberIds) {
        assertEquals(0, Groups.byDisplayName(entra, displayName, "&excludedAttributes=members").get("totalResults").asInt());
        JsonNode created = expect(201, entra.post("Groups", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"externalId":"%s","displayName":"%s",
                 "meta":{"resourceType":"Group"}}
                """.formatted(UUID.randomUUID(), displayName)));
        String id = created.get("id").asText();
        assertTrue(!created.has("members") || created.get("members").isEmpty());
        if (!memberIds.isEmpty()) {
            List<String> members = new ArrayList<>();
            memberIds.forEach(member -> members.add("{\"$ref\":null,\"value\":\"" + member + "\"}"));
            expect(204, entra.patch("Groups/" + id, patch("[{\"op\":\"Add\",\"path\":\"members\",\"value\":"
                    + members + "}]")));
        }
        return id;
    }

    @Test
    @DisplayName("§11.1 Entra Test Connection: a filter on a random GUID answers 200, totalResults 0, Resources []")
    @Scenario(1)
    @Step(provider = "entra", step = "test connection")
    void testConnection() {
        JsonNode list = expect(200, entra.get("Users?" + filter("userName eq \"" + UUID.randomUUID() + "\"")));
        assertEquals(0, list.get("totalResults").asInt());
        assertTrue(list.get("Resources").isArray());
        assertEquals(0, list.get("Resources").size());
        assertTrue(list.get("startIndex").isInt() && list.get("itemsPerPage").isInt());
    }

    @Test
    @DisplayName("§11.2 Entra create with externalId, work email, enterprise extension and roles [] → 201; the filter finds exactly 1")
    @Scenario(2)
    @Step(provider = "entra", step = "create")
    void create() {
        String email = tenant.employee("ana");
        String id = create(email);
        JsonNode found = expect(200, entra.get("Users?" + filter("userName eq \"" + email + "\"")));
        assertEquals(1, found.get("totalResults").asInt());
        assertEquals(id, found.at("/Resources/0/id").asText());
        assertEquals("7731", found.at("/Resources/0/" + Json.ENTERPRISE.replace("/", "~1") + "/employeeNumber").asText());
        assertEquals("active", tenant.membershipStatus(email));
    }

    @Test
    @DisplayName("§11.3 Entra Replace active \"False\" → 204; GET shows active false; the filter still finds the user")
    @Scenario(3)
    @Step(provider = "entra", step = "deactivate")
    void deactivateWithStringBoolean() {
        String email = tenant.employee("bo");
        String id = create(email);
        expect(204, entra.patch("Users/" + id, patch("[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]")));
        assertFalse(expect(200, entra.get("Users/" + id)).get("active").asBoolean(), "a soft-deleted user stays readable");
        assertEquals(1, expect(200, entra.get("Users?" + filter("userName eq \"" + email + "\""))).get("totalResults").asInt());
        assertEquals("inactive", tenant.membershipStatus(email));
    }

    @Test
    @DisplayName("Entra restore: Replace active \"True\" reactivates the membership")
    @Step(provider = "entra", step = "reactivate")
    void reactivate() {
        String email = tenant.employee("cy");
        String id = create(email);
        expect(204, entra.patch("Users/" + id, patch("[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]")));
        expect(204, entra.patch("Users/" + id, patch("[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"True\"}]")));
        assertEquals("active", tenant.membershipStatus(email));
    }

    @Test
    @DisplayName("Entra attribute change: capitalised Replace of name.givenName reaches the verified-domain User")
    @Step(provider = "entra", step = "profile update")
    void profileUpdate() {
        String email = tenant.employee("di");
        String id = create(email);
        expect(204, entra.patch("Users/" + id, patch("[{\"op\":\"Replace\",\"path\":\"name.givenName\",\"value\":\"Diana\"}]")));
        assertEquals("Diana", tenant.user(email).get("firstName").asText());
    }

    @Test
    @DisplayName("§11.20 Entra lifecycle: create, deactivate, reactivate, deactivate, DELETE, GET 404, POST again with a new id")
    @Scenario(20)
    @Step(provider = "entra", step = "delete")
    void lifecycleReplay() {
        String email = tenant.employee("ed");
        String id = create(email);
        String off = patch("[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]");
        String on = patch("[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"True\"}]");
        expect(204, entra.patch("Users/" + id, off));
        expect(204, entra.patch("Users/" + id, on));
        expect(204, entra.patch("Users/" + id, off));
        expect(204, entra.delete("Users/" + id));
        expect(404, entra.get("Users/" + id));
        expect(404, entra.delete("Users/" + id));
        String again = Json.id(entra.post("Users", entraUser(email, "new-external-id")));
        assertNotEquals(id, again);
        assertEquals("active", tenant.membershipStatus(email));
        assertEquals(tenant.user(email).get("id").asText(), tenant.provisioning(again).get("userId").asText());
    }

    @Test
    @DisplayName("Entra aadOptscim062020: the flag on the tenant URL is accepted on every request")
    void featureFlagQueryParameterIsAccepted() {
        String email = tenant.employee("flag");
        String id = Json.id(entra.post("Users?aadOptscim062020", entraUser(email, "x")));
        expect(200, entra.get("Users/" + id + "?aadOptscim062020"));
        expect(200, entra.get("Users?aadOptscim062020&" + filter("userName eq \"" + email + "\"")));
        expect(204, entra.patch("Users/" + id + "?aadOptscim062020",
                patch("[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]")));
        expect(204, entra.delete("Users/" + id + "?aadOptscim062020"));
    }

    @Test
    @DisplayName("§11.4 Flagged Entra: one path-less replace with a dotted key and an extension URN changes both attributes and nothing else")
    @Scenario(4)
    @Step(provider = "entra", step = "profile update")
    void flaggedPathlessReplace() {
        String email = tenant.employee("flo");
        String id = create(email);
        ObjectNode expected = (ObjectNode) expect(200, entra.get("Users/" + id));
        expect(204, entra.patch("Users/" + id + "?aadOptscim062020", patch("""
                [{"op":"replace","value":{"name.givenName":"Bo",
                  "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department":"R&D"}}]
                """)));
        ((ObjectNode) expected.get("name")).put("givenName", "Bo");
        ((ObjectNode) expected.get(Json.ENTERPRISE)).put("department", "R&D");
        ObjectNode after = (ObjectNode) expect(200, entra.get("Users/" + id + "?aadOptscim062020"));
        expected.remove("meta");
        after.remove("meta");
        assertEquals(expected, after);
        assertEquals("Bo", tenant.user(email).get("firstName").asText());
    }

    @Test
    @DisplayName("§11.5 Entra Add on emails[type eq \"work\"].value for a user without a work email creates it; a Replace then changes it in place")
    @Scenario(5)
    void addThroughFilteredPathCreatesTheWorkEmail() {
        String email = tenant.employee("nowork");
        String id = Json.id(entra.post("Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"externalId":"e-5","userName":"%s","active":true,
                 "emails":[{"type":"home","value":"home-5@elsewhere.example"}]}
                """.formatted(email)));
        String work = tenant.employee("work5");
        expect(204, entra.patch("Users/" + id, patch(
                "[{\"op\":\"Add\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"" + work + "\"}]")));
        assertEquals(List.of("home:home-5@elsewhere.example", "work:" + work), emails(id));
        JsonNode matched = expect(200, entra.get("Users?" + filter("emails[type eq \"work\"].value eq \"" + work + "\"")));
        assertEquals(id, matched.at("/Resources/0/id").asText(), "Entra can match users on the work email");

        String renamed = tenant.employee("work5b");
        expect(204, entra.patch("Users/" + id, patch(
                "[{\"op\":\"Replace\",\"path\":\"emails[type eq \\\"work\\\"].value\",\"value\":\"" + renamed + "\"}]")));
        assertEquals(List.of("home:home-5@elsewhere.example", "work:" + renamed), emails(id));
    }

    private List<String> emails(String userId) {
        List<String> emails = new ArrayList<>();
        expect(200, entra.get("Users/" + userId)).get("emails")
                .forEach(email -> emails.add(email.get("type").asText() + ":" + email.get("value").asText()));
        return emails;
    }

    @Test
    @DisplayName("§11.6 Entra manager: a string on the URN path, then [{value}] on manager, then Remove manager; each succeeds")
    @Scenario(6)
    @Step(provider = "entra", step = "profile update")
    void managerInBothShapes() {
        String id = create(tenant.employee("report"));
        String boss = create(tenant.employee("boss"));
        String newBoss = create(tenant.employee("newboss"));
        String managerPointer = "/" + Json.ENTERPRISE.replace("/", "~1") + "/manager/value";

        assertTrue(expect(200, entra.get("Users/" + id)).at(managerPointer).isMissingNode(), "Entra reads the manager first");
        expect(204, entra.patch("Users/" + id, patch("""
                [{"op":"add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager","value":"%s"}]
                """.formatted(boss))));
        assertEquals(boss, expect(200, entra.get("Users/" + id)).at(managerPointer).asText());

        expect(204, entra.patch("Users/" + id, patch("""
                [{"op":"Add","path":"manager","value":[{"$ref":null,"value":"%s"}]}]
                """.formatted(newBoss))));
        assertEquals(newBoss, expect(200, entra.get("Users/" + id)).at(managerPointer).asText());

        expect(204, entra.patch("Users/" + id, patch("[{\"op\":\"Remove\",\"path\":\"manager\"}]")));
        JsonNode user = expect(200, entra.get("Users/" + id));
        assertTrue(user.at(managerPointer).isMissingNode(), user::toString);
        assertEquals("7731", user.at("/" + Json.ENTERPRISE.replace("/", "~1") + "/employeeNumber").asText(),
                "removing the manager keeps the rest of the extension");
    }

    @Test
    @DisplayName("Entra group push: lookup with excludedAttributes=members, POST without members, one Add of many members with $ref null → 204; mapped role granted")
    @Step(provider = "entra", step = "group create")
    @Step(provider = "entra", step = "group members")
    void groupPush() {
        List<String> members = tenant.pushEmployees("g1", "g2", "g3");
        String id = pushGroup("Sales", List.of());
        tenant.mapGroupsToRoles(Map.of(id, "sales"));
        Groups.assertMembers(entra, id, List.of());

        expect(204, entra.patch("Groups/" + id, patch("""
                [{"op":"Add","path":"members","value":[{"$ref":null,"value":"%s"},{"$ref":null,"value":"%s"},{"$ref":null,"value":"%s"}]}]
                """.formatted(members.get(0), members.get(1), members.get(2)))));
        Groups.assertMembers(entra, id, members);
        Groups.assertMemberEvents(tenant, "dsync.group.user_added", id, members);
        assertEquals("sales", tenant.role(tenant.employee("g1")));
        assertEquals("sales", tenant.role(tenant.employee("g3")));
        assertEquals(1, Groups.byDisplayName(entra, "sales", "&excludedAttributes=members").get("totalResults").asInt(),
                "the next cycle's lookup finds the group, ignoring case");
    }

    @Test
    @DisplayName("§11.7 Entra Remove with value [{value:u2}] on a group of u1, u2, u3 leaves u1 and u3 (no Segment wipe)")
    @Scenario(7)
    @Step(provider = "entra", step = "group members")
    void removeOneMemberByValueList() {
        List<String> members = tenant.pushEmployees("u1", "u2", "u3");
        String id = pushGroup("Eng", members);
        expect(204, entra.patch("Groups/" + id, patch("""
                [{"op":"Remove","path":"members","value":[{"value":"%s"}]}]
                """.formatted(members.get(1)))));
        Groups.assertMembers(entra, id, List.of(members.get(0), members.get(2)));
        Groups.assertMemberEvents(tenant, "dsync.group.user_removed", id, List.of(members.get(1)));
    }

    @Test
    @DisplayName("§11.8 Flagged Entra removes members[value eq \"u1\"] → gone; the same removal again still succeeds")
    @Scenario(8)
    @Step(provider = "entra", step = "group members")
    void flaggedRemovalByFilter() {
        List<String> members = tenant.pushEmployees("f1", "f2");
        String id = pushGroup("Ops", members);
        String removal = patch("[{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + members.get(0) + "\\\"]\"}]");
        expect(204, entra.patch("Groups/" + id + "?aadOptscim062020", removal));
        Groups.assertMembers(entra, id, List.of(members.get(1)));
        expect(204, entra.patch("Groups/" + id + "?aadOptscim062020", removal));
        Groups.assertMembers(entra, id, List.of(members.get(1)));
        Groups.assertMemberEvents(tenant, "dsync.group.user_removed", id, List.of(members.get(0)));
    }

    @Test
    @DisplayName("§11.21 Entra group lookup: excludedAttributes=members with displayName eq \"Eng\" returns the group without a members key")
    @Scenario(21)
    void groupLookupWithoutMembers() {
        String id = pushGroup("Eng", tenant.pushEmployees("l1"));
        JsonNode list = Groups.byDisplayName(entra, "Eng", "&excludedAttributes=members");
        assertEquals(1, list.get("totalResults").asInt());
        JsonNode group = list.at("/Resources/0");
        assertEquals(id, group.get("id").asText());
        assertEquals("Eng", group.get("displayName").asText());
        assertFalse(group.has("members"), group::toString);
        assertEquals(1, Groups.members(entra, id).size(), "the members are only left out of the answer");
    }

    @Test
    @DisplayName("Entra group rename: Replace displayName → 204; members kept, dsync.group.updated names the old name")
    @Step(provider = "entra", step = "group rename")
    void groupRename() {
        List<String> members = tenant.pushEmployees("r1");
        String id = pushGroup("Support", members);
        expect(204, entra.patch("Groups/" + id, patch("[{\"op\":\"Replace\",\"path\":\"displayName\",\"value\":\"Customer Support\"}]")));
        JsonNode group = expect(200, entra.get("Groups/" + id));
        assertEquals("Customer Support", group.get("displayName").asText());
        Groups.assertMembers(entra, id, members);
        assertEquals(List.of("dsync.group.updated"), tenant.events("dsync.group.updated"));
    }

    @Test
    @DisplayName("Entra group delete: DELETE /Groups/{id} → 204, then 404; the members lose the mapped role")
    @Step(provider = "entra", step = "group delete")
    void groupDelete() {
        List<String> members = tenant.pushEmployees("d1");
        String id = pushGroup("Finance", List.of());
        tenant.mapGroupsToRoles(Map.of(id, "finance"));
        expect(204, entra.patch("Groups/" + id, Groups.membersPatch("Add", members)));
        assertEquals("finance", tenant.role(tenant.employee("d1")));
        Groups.deleteAndExpectGone(entra, id);
        assertEquals(List.of("dsync.group.deleted"), tenant.events("dsync.group.deleted"));
        assertEquals("member", tenant.role(tenant.employee("d1")));
        assertEquals("active", tenant.membershipStatus(tenant.employee("d1")), "deleting a group never deprovisions");
    }
}
