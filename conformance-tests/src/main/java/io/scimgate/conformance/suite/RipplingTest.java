package io.scimgate.conformance.suite;

import static io.scimgate.conformance.suite.Json.expect;
import static io.scimgate.conformance.suite.Json.filter;
import static io.scimgate.conformance.suite.Json.patch;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.scimgate.conformance.http.Http;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Rippling, replaying IDP-QUIRKS.md §6: the tenant's admin picks the attributes and verbs with
 * checkboxes, so both PATCH and PUT must carry updates (of users and of groups), and HR events
 * drive the lifecycle.
 */
class RipplingTest {

    private Tenant tenant;
    private Http rippling;

    @BeforeEach
    void tenant() {
        tenant = Tenant.of("rippling");
        rippling = tenant.scim;
    }

    private static String hire(String email) {
        return """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                 "userName":"%s","externalId":"rip-1","name":{"givenName":"Rita","familyName":"Ripple"},
                 "emails":[{"value":"%s","primary":true}],"active":true,
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":{"employeeNumber":"E-42"}}
                """.formatted(email, email);
    }

    @Test
    @DisplayName("Rippling hire: lookup by userName and externalId, then POST")
    @Step(provider = "rippling", step = "create")
    void hire() {
        String email = tenant.employee("rita");
        assertEquals(0, expect(200, rippling.get("Users?" + filter("externalId eq \"rip-1\""))).get("totalResults").asInt());
        Json.id(rippling.post("Users", hire(email)));
        assertEquals(1, expect(200, rippling.get("Users?" + filter("externalId eq \"rip-1\""))).get("totalResults").asInt());
        assertEquals(1, expect(200, rippling.get("Users?" + filter(
                "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber eq \"E-42\""))).get("totalResults").asInt());
        assertEquals("active", tenant.membershipStatus(email));
    }

    @Test
    @DisplayName("Rippling change: with 'Use PATCH' unchecked a PUT, with it a PATCH; both update the person")
    @Step(provider = "rippling", step = "profile update")
    void updateByPutOrPatch() {
        String email = tenant.employee("rex");
        String id = Json.id(rippling.post("Users", hire(email)));
        expect(200, rippling.put("Users/" + id, hire(email).replace("\"Rita\"", "\"Rex\"")));
        assertEquals("Rex", tenant.user(email).get("firstName").asText());
        expect(200, rippling.patch("Users/" + id, patch("[{\"op\":\"replace\",\"path\":\"name.givenName\",\"value\":\"Rexford\"}]")));
        assertEquals("Rexford", tenant.user(email).get("firstName").asText());
    }

    @Test
    @DisplayName("Rippling termination and rehire: active=false, then active=true")
    @Step(provider = "rippling", step = "deactivate")
    @Step(provider = "rippling", step = "reactivate")
    void terminationAndRehire() {
        String email = tenant.employee("ron");
        String id = Json.id(rippling.post("Users", hire(email)));
        expect(200, rippling.patch("Users/" + id, patch("[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]")));
        assertEquals("inactive", tenant.membershipStatus(email));
        expect(200, rippling.patch("Users/" + id, patch("[{\"op\":\"replace\",\"path\":\"active\",\"value\":true}]")));
        assertEquals("active", tenant.membershipStatus(email));
    }

    @Test
    @DisplayName("Rippling with \"Create & Delete Groups\" and \"Use PATCH to edit Groups\" checked: POST with members, PATCH members and name, DELETE")
    @Step(provider = "rippling", step = "group create")
    @Step(provider = "rippling", step = "group members")
    @Step(provider = "rippling", step = "group rename")
    @Step(provider = "rippling", step = "group delete")
    void groupsEditedByPatch() {
        List<String> users = tenant.pushEmployees("rp1", "rp2");
        String id = Json.id(rippling.post("Groups", Groups.group("Marketing", users.subList(0, 1))));
        expect(204, rippling.patch("Groups/" + id, patch("[{\"op\":\"add\",\"path\":\"members\",\"value\":"
                + Groups.memberList(users.subList(1, 2)) + "},{\"op\":\"remove\",\"path\":\"members\",\"value\":"
                + Groups.memberList(users.subList(0, 1)) + "}]")));
        Groups.assertMembers(rippling, id, users.subList(1, 2));
        expect(204, rippling.patch("Groups/" + id, patch("[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Growth\"}]")));
        assertEquals("Growth", expect(200, rippling.get("Groups/" + id)).get("displayName").asText());
        Groups.assertMembers(rippling, id, users.subList(1, 2));
        Groups.deleteAndExpectGone(rippling, id);
        assertEquals(List.of("dsync.group.created", "dsync.group.updated", "dsync.group.deleted"),
                tenant.events("dsync.group.created,dsync.group.updated,dsync.group.deleted"));
    }

    @Test
    @DisplayName("Rippling with \"Use PATCH to edit Groups\" unchecked: each change PUTs the whole group, down to an empty one")
    @Step(provider = "rippling", step = "group members")
    @Step(provider = "rippling", step = "group rename")
    @Step(provider = "rippling", step = "group empty push")
    void groupsEditedByPut() {
        List<String> users = tenant.pushEmployees("rq1", "rq2");
        String id = Json.id(rippling.post("Groups", Groups.group("Finance", users)));
        expect(200, rippling.put("Groups/" + id, Groups.group("Finance & Legal", users.subList(1, 2))));
        assertEquals("Finance & Legal", expect(200, rippling.get("Groups/" + id)).get("displayName").asText());
        Groups.assertMembers(rippling, id, users.subList(1, 2));
        expect(200, rippling.put("Groups/" + id, Groups.group("Finance & Legal", List.of())));
        Groups.assertMembers(rippling, id, List.of());
        Groups.assertMemberEvents(tenant, "dsync.group.user_removed", id, users);
    }

    @Test
    @DisplayName("Rippling \"Mutually Exclusive Groups\": moving an employee to another group moves the role each group maps to")
    @Step(provider = "rippling", step = "group members")
    void mutuallyExclusiveGroupsMoveTheRole() {
        List<String> users = tenant.pushEmployees("mover");
        String support = Json.id(rippling.post("Groups", Groups.group("Support", List.of())));
        String engineering = Json.id(rippling.post("Groups", Groups.group("Engineering", List.of())));
        tenant.mapGroupsToRoles(Map.of(support, "support", engineering, "engineer"));
        String add = Groups.membersPatch("add", users);
        String remove = Groups.membersPatch("remove", users);

        expect(204, rippling.patch("Groups/" + support, add));
        assertEquals("support", tenant.role(tenant.employee("mover")));
        expect(204, rippling.patch("Groups/" + support, remove));
        expect(204, rippling.patch("Groups/" + engineering, add));
        assertEquals("engineer", tenant.role(tenant.employee("mover")));
        Groups.assertMembers(rippling, support, List.of());
        Groups.assertMembers(rippling, engineering, users);
    }
}
