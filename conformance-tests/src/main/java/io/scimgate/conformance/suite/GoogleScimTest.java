package io.scimgate.conformance.suite;

import static io.scimgate.conformance.suite.Json.expect;
import static io.scimgate.conformance.suite.Json.filter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.conformance.http.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Google's auto-provisioning traffic when an admin points a catalog connector at scimgate
 * (IDP-QUIRKS.md §8, best effort): mixed SCIM 1.0/2.0 schemas, application/json, lookups with
 * startIndex=1. The real Google path is the Admin SDK poller, tested with its fake server.
 */
class GoogleScimTest {

    private Tenant tenant;
    private Http google;

    @BeforeEach
    void tenant() {
        tenant = Tenant.of("google");
        google = tenant.scim.withHeader("User-Agent", "Google-Auto-Provisioning").withHeader("Content-Type", "application/json");
    }

    @Test
    @DisplayName("§11.16 (users) Google-style mixed schemas on POST are accepted; the lookup carries &startIndex=1")
    @Scenario(16)
    @Step(provider = "google", step = "create")
    void mixedSchemas() {
        String email = tenant.employee("gia");
        assertEquals(0, expect(200, google.get("Users?" + filter("userName eq \"" + email + "\"") + "&startIndex=1"))
                .get("totalResults").asInt());
        String id = Json.id(google.post("Users", """
                {"schemas":["urn:scim:schemas:core:1.0","urn:ietf:params:scim:schemas:core:2.0:User"],
                 "userName":"%s","name":{"givenName":"Gia","familyName":"Google"},
                 "emails":[{"value":"%s","primary":true}],"active":true}
                """.formatted(email, email)));
        JsonNode user = expect(200, google.get("Users/" + id));
        assertFalse(user.get("schemas").toString().contains("urn:scim:schemas:core:1.0"));
        assertEquals("active", tenant.membershipStatus(email));
    }

    @Test
    @DisplayName("Google suspend: a PUT with active=false deprovisions")
    @Step(provider = "google", step = "deactivate")
    void suspend() {
        String email = tenant.employee("sus");
        String body = """
                {"schemas":["urn:scim:schemas:core:1.0","urn:ietf:params:scim:schemas:core:2.0:User"],
                 "userName":"%s","emails":[{"value":"%s","primary":true}],"active":%s}
                """;
        String id = Json.id(google.post("Users", body.formatted(email, email, true)));
        expect(200, google.put("Users/" + id, body.formatted(email, email, false)));
        assertEquals("inactive", tenant.membershipStatus(email));
    }
}
