package io.scimgate.conformance;

import static io.scimgate.conformance.Json.expect;
import static io.scimgate.conformance.Json.filter;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.server.testing.Http;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * PingFederate's SCIM provisioner and PingOne, replaying idp-quirks §5: users matched by userName,
 * updated only by PUT, disabled by PUT active=false or deleted, optionally created disabled.
 */
class PingFederateTest {

    private Tenant tenant;
    private Http ping;

    @BeforeEach
    void tenant() {
        tenant = Tenant.of("pingfederate");
        ping = tenant.scim;
    }

    private static String user(String userName, String givenName, boolean active) {
        return """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s","externalId":"ping-%s",
                 "name":{"givenName":"%s","familyName":"Ping"},"emails":[{"value":"%s","type":"work","primary":true}],
                 "active":%s}
                """.formatted(userName, userName.hashCode(), givenName, userName, active);
    }

    @Test
    @DisplayName("PingFederate: match by userName, POST, update by PUT only")
    @Step(provider = "pingfederate", step = "create")
    @Step(provider = "pingfederate", step = "profile update")
    void createAndUpdateByPut() {
        String email = tenant.employee("pat");
        assertEquals(0, expect(200, ping.get("Users?" + filter("userName eq \"" + email + "\""))).get("totalResults").asInt());
        String id = Json.id(ping.post("Users", user(email, "Pat", true)));
        JsonNode updated = expect(200, ping.put("Users/" + id, user(email, "Patricia", true)));
        assertEquals("Patricia", updated.at("/name/givenName").asText());
        assertEquals("Patricia", tenant.user(email).get("firstName").asText());
    }

    @Test
    @DisplayName("PingFederate Remove User Action = Disable: PUT active=false; Delete: DELETE")
    @Step(provider = "pingfederate", step = "deactivate")
    @Step(provider = "pingfederate", step = "delete")
    void disableAndDelete() {
        String disabled = tenant.employee("dis");
        String disabledId = Json.id(ping.post("Users", user(disabled, "Dis", true)));
        expect(200, ping.put("Users/" + disabledId, user(disabled, "Dis", false)));
        assertEquals("inactive", tenant.membershipStatus(disabled));

        String deleted = tenant.employee("del");
        String deletedId = Json.id(ping.post("Users", user(deleted, "Del", true)));
        expect(204, ping.delete("Users/" + deletedId));
        assertEquals("inactive", tenant.membershipStatus(deleted));
    }

    @Test
    @DisplayName("PingFederate 'Provision disabled users': a user created inactive is kept but not provisioned until enabled")
    @Step(provider = "pingfederate", step = "reactivate")
    void provisionDisabledUsers() {
        String email = tenant.employee("later");
        String id = Json.id(ping.post("Users", user(email, "Later", false)));
        assertFalse(expect(200, ping.get("Users/" + id)).get("active").asBoolean());
        assertEquals("inactive", tenant.provisioning(id).get("state").asText());
        assertFalse(tenant.hasUser(email));
        expect(200, ping.put("Users/" + id, user(email, "Later", true)));
        assertEquals("active", tenant.membershipStatus(email));
    }
}
