package io.scimgate.server.provisioning;

import static io.scimgate.server.testing.ScimJson.patch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.server.testing.AdminClient;
import io.scimgate.server.testing.DirectoryAccess;
import io.scimgate.server.testing.HttpReply;
import io.scimgate.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** RULES.md P28 over SCIM: the roles an IdP assigns become the members' roles when the organization has them. */
class ScimRolesTest {

    private static TestServer server;
    private AdminClient admin;
    private String organizationId;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void organization() {
        admin = server.admin();
        organizationId = admin.createOrganization("Acme");
        admin.addVerifiedDomain(organizationId, "acme.com");
        admin.defineRoles(organizationId, "admin", "billing");
    }

    private String create(DirectoryAccess directory, String email, String roles) {
        HttpReply created = directory.scim().post("Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + "\"userName\":\"" + email + "\",\"emails\":[{\"value\":\"" + email + "\",\"type\":\"work\",\"primary\":true}]"
                + (roles == null ? "" : ",\"roles\":" + roles) + "}");
        assertEquals(201, created.status(), created::toString);
        return created.json().get("id").asText();
    }

    private JsonNode directoryUser(DirectoryAccess directory, String id) {
        return admin.get("directories/" + directory.id() + "/users/" + id);
    }

    @Test
    void P28_entraAssignsAnAppRoleByPatchingThePrimaryRoleAndTakesItBack() {
        DirectoryAccess entra = admin.createDirectory(organizationId, "Entra", "entra");
        String id = create(entra, "ana@acme.com", null);
        assertEquals("member", directoryUser(entra, id).at("/role/slug").asText());

        HttpReply assigned = entra.scim().patch("Users/" + id, patch(
                "[{\"op\":\"Add\",\"path\":\"roles[primary eq \\\"True\\\"].value\",\"value\":\"admin\"}]"));
        assertEquals(204, assigned.status(), "Entra's PATCH is answered 204 (IDP-QUIRKS.md §1.9)");
        assertEquals("admin", directoryUser(entra, id).at("/role/slug").asText());

        HttpReply removed = entra.scim().patch("Users/" + id, patch("[{\"op\":\"Remove\",\"path\":\"roles\"}]"));
        assertEquals(204, removed.status(), removed::toString);
        assertEquals("member", directoryUser(entra, id).at("/role/slug").asText(), "back to the default");
    }

    @Test
    void P28_oktaSendsTheRolesItDiscoveredAndTheFirstOneTheOrganizationHasCounts() {
        DirectoryAccess okta = admin.createDirectory(organizationId, "Okta", "okta");
        String id = create(okta, "bo@acme.com", "[{\"value\":\"billing\",\"display\":\"Billing\"},{\"value\":\"admin\"}]");
        assertEquals("billing", directoryUser(okta, id).at("/role/slug").asText());
    }

    @Test
    void P28_aRoleTheOrganizationDoesNotHaveIsAcceptedKeptAndReported() {
        DirectoryAccess okta = admin.createDirectory(organizationId, "Okta", "okta");
        String id = create(okta, "cy@acme.com", "[{\"value\":\"superuser\",\"primary\":true}]");
        JsonNode user = directoryUser(okta, id);
        assertEquals("member", user.at("/role/slug").asText());
        assertEquals("provisioned", user.at("/provisioning/state").asText());
        assertTrue(user.at("/provisioning/detail").asText().contains("'superuser'"), user::toString);
        assertEquals("superuser", user.at("/rawAttributes/roles/0/value").asText());
        assertEquals("superuser", okta.scim().get("Users/" + id).json().at("/roles/0/value").asText(), "returned as sent");
    }
}
