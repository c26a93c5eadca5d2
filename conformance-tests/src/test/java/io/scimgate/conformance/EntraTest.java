package io.scimgate.conformance;

import static io.scimgate.conformance.Json.expect;
import static io.scimgate.conformance.Json.filter;
import static io.scimgate.conformance.Json.patch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.server.testing.Http;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Microsoft Entra ID, replaying idp-quirks §1: PATCH-only updates, capitalised ops and string
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
    @DisplayName("§11.3 Entra Replace active \"False\" → 200; GET shows active false; the filter still finds the user")
    @Scenario(3)
    @Step(provider = "entra", step = "deactivate")
    void deactivateWithStringBoolean() {
        String email = tenant.employee("bo");
        String id = create(email);
        JsonNode patched = expect(200, entra.patch("Users/" + id,
                patch("[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]")));
        assertFalse(patched.get("active").asBoolean());
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
        expect(200, entra.patch("Users/" + id, patch("[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"False\"}]")));
        expect(200, entra.patch("Users/" + id, patch("[{\"op\":\"Replace\",\"path\":\"active\",\"value\":\"True\"}]")));
        assertEquals("active", tenant.membershipStatus(email));
    }

    @Test
    @DisplayName("Entra attribute change: capitalised Replace of name.givenName reaches the verified-domain User")
    @Step(provider = "entra", step = "profile update")
    void profileUpdate() {
        String email = tenant.employee("di");
        String id = create(email);
        expect(200, entra.patch("Users/" + id, patch("[{\"op\":\"Replace\",\"path\":\"name.givenName\",\"value\":\"Diana\"}]")));
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
        expect(200, entra.patch("Users/" + id, off));
        expect(200, entra.patch("Users/" + id, on));
        expect(200, entra.patch("Users/" + id, off));
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
        expect(200, entra.patch("Users/" + id + "?aadOptscim062020",
                patch("[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]")));
        expect(204, entra.delete("Users/" + id + "?aadOptscim062020"));
    }
}
