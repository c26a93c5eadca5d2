package io.scimgate.conformance;

import static io.scimgate.conformance.Json.expect;
import static io.scimgate.conformance.Json.filter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.server.testing.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * CyberArk Identity, replaying idp-quirks §7: it reads the discovery endpoints by id, updates by PUT,
 * and deprovisions with a PUT of active=false.
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
}
