package io.scimgate.conformance.suite;

import static io.scimgate.conformance.suite.Json.expect;
import static io.scimgate.conformance.suite.Json.filter;
import static io.scimgate.conformance.suite.Json.patch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.conformance.http.Http;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * CyberArk Identity, replaying IDP-QUIRKS.md §7: it reads the discovery endpoints by id, updates by PUT,
 * deprovisions with a PUT of active=false, creates groups by POST and changes them by PATCH (its
 * required API has no DELETE of users or groups).
 */
class CyberArkTest {

    private Tenant tenant;
    private Http cyberark;

    @BeforeEach
    void tenant() {
        tenant = Tenant.of("cyberark");
        cyberark = tenant.scim;
    }

    private static String user(String userName, boolean active) {
        return """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s",
                 "name":{"givenName":"Cy","familyName":"Berark"},"emails":[{"value":"%s","type":"work","primary":true}],
                 "active":%s}
                """.formatted(userName, userName, active);
    }

    @Test
    @DisplayName("CyberArk connection test: GET /Users?count=1")
    @Step(provider = "cyberark", step = "test connection")
    void testConnection() {
        JsonNode list = expect(200, cyberark.get("Users?count=1"));
        assertTrue(list.get("totalResults").isInt());
    }

    @Test
    @DisplayName("§11.24 CyberArk discovery: ServiceProviderConfig, ResourceTypes/User, Schemas/{User URN} → 200; POST to them → 405")
    @Scenario(24)
    @Step(provider = "cyberark", step = "discovery")
    void discovery() {
        JsonNode config = expect(200, cyberark.get("ServiceProviderConfig"));
        assertTrue(config.at("/patch/supported").asBoolean());
        assertTrue(config.at("/filter/supported").asBoolean());
        assertEquals("User", expect(200, cyberark.get("ResourceTypes/User")).get("name").asText());
        JsonNode schema = expect(200, cyberark.get("Schemas/" + Json.USER));
        assertEquals(Json.USER, schema.get("id").asText());
        for (String path : new String[] {"ServiceProviderConfig", "ResourceTypes/User", "Schemas/" + Json.USER}) {
            JsonNode error = expect(405, cyberark.post(path, "{}"));
            assertEquals(Json.ERROR, error.at("/schemas/0").asText());
        }
    }

    @Test
    @DisplayName("CyberArk provisioning: filter lookup, POST, PUT update, PUT active=false deprovisions")
    @Step(provider = "cyberark", step = "create")
    @Step(provider = "cyberark", step = "profile update")
    @Step(provider = "cyberark", step = "deactivate")
    void lifecycle() {
        String email = tenant.employee("cy");
        assertEquals(0, expect(200, cyberark.get("Users?" + filter("userName eq \"" + email + "\""))).get("totalResults").asInt());
        String id = Json.id(cyberark.post("Users", user(email, true)));
        assertEquals("active", tenant.membershipStatus(email));
        expect(200, cyberark.put("Users/" + id, user(email, true).replace("\"Cy\"", "\"Cyra\"")));
        assertEquals("Cyra", tenant.user(email).get("firstName").asText());
        expect(200, cyberark.put("Users/" + id, user(email, false)));
        assertEquals("inactive", tenant.membershipStatus(email));
    }

    @Test
    @DisplayName("CyberArk reactivation (inferred): a PUT with active true restores the membership")
    @Step(provider = "cyberark", step = "reactivate")
    void reactivateByPut() {
        String email = tenant.employee("back");
        String id = Json.id(cyberark.post("Users", user(email, true)));
        expect(200, cyberark.put("Users/" + id, user(email, false)));
        assertTrue(expect(200, cyberark.put("Users/" + id, user(email, true))).get("active").asBoolean());
        assertEquals("active", tenant.membershipStatus(email));
    }

    @Test
    @DisplayName("CyberArk group provisioning: reads ResourceTypes/Group and the Group schema, GET /Groups, POST /Groups, PATCH add and remove")
    @Step(provider = "cyberark", step = "group create")
    @Step(provider = "cyberark", step = "group members")
    void groupProvisioning() {
        assertEquals("Group", expect(200, cyberark.get("ResourceTypes/Group")).get("name").asText());
        assertEquals(Json.GROUP, expect(200, cyberark.get("Schemas/" + Json.GROUP)).get("id").asText());
        List<String> users = tenant.pushEmployees("cg1", "cg2");
        assertEquals(0, expect(200, cyberark.get("Groups")).get("totalResults").asInt());
        String id = Json.id(cyberark.post("Groups", "{\"schemas\":[\"" + Json.GROUP + "\"],\"displayName\":\"Vault Admins\"}"));
        assertEquals(id, expect(200, cyberark.get("Groups")).at("/Resources/0/id").asText());

        expect(204, cyberark.patch("Groups/" + id, Groups.membersPatch("add", users)));
        Groups.assertMembers(cyberark, id, users);
        expect(204, cyberark.patch("Groups/" + id, Groups.membersPatch("remove", users.subList(0, 1))));
        Groups.assertMembers(cyberark, id, users.subList(1, 2));
        Groups.assertMemberEvents(tenant, "dsync.group.user_removed", id, users.subList(0, 1));
    }

    @Test
    @DisplayName("CyberArk group rename (inferred): PATCH replace of displayName → 204, members kept")
    @Step(provider = "cyberark", step = "group rename")
    void groupRename() {
        List<String> users = tenant.pushEmployees("cr1");
        String id = Json.id(cyberark.post("Groups", Groups.group("Auditors", users)));
        expect(204, cyberark.patch("Groups/" + id, patch("[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Internal Auditors\"}]")));
        assertEquals("Internal Auditors", expect(200, cyberark.get("Groups/" + id)).get("displayName").asText());
        Groups.assertMembers(cyberark, id, users);
    }
}
