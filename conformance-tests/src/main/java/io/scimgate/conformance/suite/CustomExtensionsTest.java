package io.scimgate.conformance.suite;

import static io.scimgate.conformance.suite.Json.expect;
import static io.scimgate.conformance.suite.Json.patch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Okta's and Entra's custom attribute mappings put attributes under an extension of their own
 * ({@code urn:ietf:params:scim:schemas:extension:CustomExtensionName:2.0:User}): nothing they send is
 * lost (issue 9 §1).
 */
class CustomExtensionsTest {

    private static final String CUSTOM = "urn:ietf:params:scim:schemas:extension:CustomExtensionName:2.0:User";

    @ParameterizedTest
    @ValueSource(strings = {"okta", "entra"})
    @DisplayName("A custom extension is kept as sent, returned, listed in schemas, PATCH-able by path and in the dsync event")
    void aCustomExtensionIsKeptAsSent(String provider) {
        Tenant tenant = Tenant.of(provider);
        String email = tenant.employee("ana");
        JsonNode created = expect(201, tenant.scim.post("Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","%s"],"userName":"%s",
                 "emails":[{"value":"%s","type":"work","primary":true}],"active":true,
                 "%s":{"costCenter":"CC1"}}
                """.formatted(CUSTOM, email, email, CUSTOM)));
        String id = created.get("id").asText();
        assertEquals("CC1", created.get(CUSTOM).get("costCenter").asText());
        assertTrue(created.get("schemas").toString().contains(CUSTOM));

        int patched = tenant.scim.patch("Users/" + id, patch("[{\"op\":\"Replace\",\"path\":\"" + CUSTOM
                + ":costCenter\",\"value\":\"CC2\"}]")).status();
        assertEquals(provider.equals("entra") ? 204 : 200, patched);
        assertEquals("CC2", expect(200, tenant.scim.get("Users/" + id)).get(CUSTOM).get("costCenter").asText());

        JsonNode events = tenant.admin.get("events?limit=100&organizationId=" + tenant.organizationId
                + "&events=dsync.user.updated").get("data");
        assertEquals("CC2", events.get(events.size() - 1).at("/data/attributes").get(CUSTOM).get("costCenter").asText());
    }
}
