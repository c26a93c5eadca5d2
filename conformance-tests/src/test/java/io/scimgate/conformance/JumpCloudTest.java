package io.scimgate.conformance;

import static io.scimgate.conformance.Json.expect;
import static io.scimgate.conformance.Json.patch;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.scimgate.server.testing.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * JumpCloud, replaying idp-quirks §4: its test connection creates a real user and then deletes it;
 * user_deprovision (set inactive) and user_delete_provision (DELETE) are separate events.
 */
class JumpCloudTest {

    private Tenant tenant;
    private Http jumpcloud;

    @BeforeEach
    void tenant() {
        tenant = Tenant.of("jumpcloud");
        jumpcloud = tenant.scim;
    }

    private static String user(String email) {
        return """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s",
                 "name":{"givenName":"Jay","familyName":"Cloud"},"emails":[{"value":"%s","type":"work","primary":true}],
                 "active":true}
                """.formatted(email, email);
    }

    @Test
    @DisplayName("JumpCloud test connection: the probe user is created, deleted (204) and then gone (404)")
    @Step(provider = "jumpcloud", step = "test connection")
    void testConnectionUser() {
        String id = Json.id(jumpcloud.post("Users", user(tenant.employee("probe"))));
        expect(204, jumpcloud.delete("Users/" + id));
        expect(404, jumpcloud.get("Users/" + id));
    }

    @Test
    @DisplayName("JumpCloud user_deprovision sets inactive; user_delete_provision deletes")
    @Step(provider = "jumpcloud", step = "create")
    @Step(provider = "jumpcloud", step = "deactivate")
    @Step(provider = "jumpcloud", step = "delete")
    void deprovisionThenDelete() {
        String email = tenant.employee("jay");
        String id = Json.id(jumpcloud.post("Users", user(email)));
        assertEquals("active", tenant.membershipStatus(email));
        expect(200, jumpcloud.patch("Users/" + id, patch("[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]")));
        assertEquals("inactive", tenant.membershipStatus(email));
        expect(204, jumpcloud.delete("Users/" + id));
        assertEquals("inactive", tenant.membershipStatus(email));
    }
}
