package io.scimgate.conformance;

import static io.scimgate.conformance.Json.expect;
import static io.scimgate.conformance.Json.filter;
import static io.scimgate.conformance.Json.patch;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.scimgate.server.testing.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Rippling, replaying idp-quirks §6: the tenant's admin picks the attributes and verbs with
 * checkboxes, so both PATCH and PUT must carry updates, and HR events drive the lifecycle.
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
}
