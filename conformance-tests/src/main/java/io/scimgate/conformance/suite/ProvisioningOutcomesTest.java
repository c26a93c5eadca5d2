package io.scimgate.conformance.suite;

import static io.scimgate.conformance.suite.Json.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.conformance.http.DirectoryAccess;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The provisioning outcomes every provider must produce (issue 5), checked through the admin API. */
class ProvisioningOutcomesTest {

    private static String person(String email) {
        return "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + email + "\","
                + "\"emails\":[{\"value\":\"" + email + "\",\"type\":\"work\",\"primary\":true}],\"active\":true}";
    }

    @ParameterizedTest(name = "{0}: employee active, contractor pending with an invitation")
    @ValueSource(strings = {"okta", "entra", "google", "onelogin", "jumpcloud", "pingfederate", "rippling", "cyberark", "generic"})
    void employeesAndContractors(String provider) {
        Tenant tenant = Tenant.of(provider);
        String employee = tenant.employee("emp");
        String contractor = "con-" + tenant.domain.substring(5, 13) + "@contractor.example";
        Json.id(tenant.scim.post("Users", person(employee)));
        Json.id(tenant.scim.post("Users", person(contractor)));
        assertEquals("active", tenant.membershipStatus(employee));
        assertEquals("pending", tenant.membershipStatus(contractor));
        assertEquals(1, tenant.pendingInvitations().size());
        assertEquals(contractor, tenant.pendingInvitations().get(0).get("email").asText());
    }

    @ParameterizedTest(name = "{0}: one person pushed by two organizations' IdPs is one User with two memberships")
    @ValueSource(strings = {"okta", "entra", "onelogin", "generic"})
    void samePersonInTwoOrganizations(String provider) {
        Tenant first = Tenant.of(provider);
        Tenant second = Tenant.of(provider);
        String email = first.employee("shared");
        Json.id(first.scim.post("Users", person(email)));
        Json.id(second.scim.post("Users", person(email)));
        JsonNode user = first.user(email);
        JsonNode withMemberships = first.admin.get("users/" + user.get("id").asText());
        assertEquals(2, withMemberships.get("memberships").size());
        assertEquals("active", first.membershipStatus(email));
        assertEquals("pending", second.membershipStatus(email), "the second organization has not verified the domain");
    }

    @ParameterizedTest(name = "{0}: two directory users sharing a primary email give one provisioned person")
    @ValueSource(strings = {"okta", "entra", "generic"})
    void sharedPrimaryEmail(String provider) {
        Tenant tenant = Tenant.of(provider);
        String email = tenant.employee("twin");
        String first = Json.id(tenant.scim.post("Users", person(email)));
        String second = Json.id(tenant.scim.post("Users", "{\"userName\":\"twin-alias\",\"emails\":[{\"value\":\""
                + email.toUpperCase() + "\",\"primary\":true}]}"));
        assertEquals("provisioned", tenant.provisioning(first).get("state").asText());
        assertEquals("duplicate_email", tenant.provisioning(second).get("state").asText());
        expect(204, tenant.scim.delete("Users/" + first));
        assertEquals("provisioned", tenant.provisioning(second).get("state").asText());
    }

    @ParameterizedTest(name = "{0}: a second directory of the organization keeps the person while it still holds them")
    @ValueSource(strings = {"okta", "entra"})
    void twoDirectoriesOfOneOrganization(String provider) {
        Tenant tenant = Tenant.of(provider);
        DirectoryAccess second = tenant.secondDirectory("generic");
        String email = tenant.employee("both");
        String inFirst = Json.id(tenant.scim.post("Users", person(email)));
        Json.id(second.scim().post("Users", person(email)));
        expect(204, tenant.scim.delete("Users/" + inFirst));
        assertEquals("active", tenant.membershipStatus(email));
        assertFalse(tenant.events("dsync.user.deleted").isEmpty());
    }
}
