package io.scimgate.server.admin;

import static io.scimgate.server.admin.AdminApiTest.assertAdminError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.core.directory.DirectoryGroupData;
import io.scimgate.server.testing.AdminClient;
import io.scimgate.server.testing.DirectoryAccess;
import io.scimgate.server.testing.Http;
import io.scimgate.server.testing.HttpReply;
import io.scimgate.server.testing.TestServer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin API of users, memberships, invitations, group roles and directories (issue 3). */
class AdminProvisioningApiTest {

    private static TestServer server;
    private AdminClient admin;
    private Http http;
    private String organizationId;
    private DirectoryAccess directory;

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
        http = admin.http();
        organizationId = admin.createOrganization("Acme");
        admin.addVerifiedDomain(organizationId, "acme.com");
        directory = admin.createDirectory(organizationId, "Okta", "okta");
    }

    private String push(String email) {
        HttpReply created = directory.scim().post("Users", "{\"userName\":\"" + email + "\","
                + "\"emails\":[{\"value\":\"" + email + "\",\"primary\":true}]}");
        assertEquals(201, created.status(), created::toString);
        return created.json().get("id").asText();
    }

    @Test
    void usersAreReadByIdWithTheirMembershipsAndListedInPages() {
        push("a1@acme.com");
        push("a2@acme.com");
        push("a3@acme.com");
        JsonNode firstPage = admin.get("users?limit=2");
        assertEquals(2, firstPage.get("data").size());
        String after = firstPage.at("/listMetadata/after").asText();
        JsonNode secondPage = admin.get("users?limit=2&after=" + after);
        assertTrue(secondPage.get("data").size() >= 1);
        assertFalse(secondPage.get("data").toString().contains(firstPage.at("/data/0/id").asText()));

        String userId = admin.get("users?email=A1@ACME.com").at("/data/0/id").asText();
        JsonNode user = admin.get("users/" + userId);
        assertEquals("a1@acme.com", user.get("email").asText());
        assertEquals(organizationId, user.at("/memberships/0/organizationId").asText());
        assertEquals("active", user.at("/memberships/0/status").asText());
        assertAdminError(http.get("users/missing"), 404, "user_not_found");
        assertAdminError(http.get("users?limit=0"), 400, "invalid_limit");
    }

    @Test
    void invitationsAreResentAndRevokedThroughTheApi() {
        push("guest@elsewhere.example");
        JsonNode invitation = admin.get("invitations?organizationId=" + organizationId + "&state=pending").at("/data/0");
        String id = invitation.get("id").asText();
        HttpReply resent = http.post("invitations/" + id + "/resend", "");
        assertEquals(200, resent.status(), resent::toString);
        String token = resent.json().get("token").asText();
        assertTrue(token.startsWith("sgi_"));
        assertTrue(resent.json().get("acceptUrl").asText().contains(token));
        assertEquals(200, http.post("invitations/" + id + "/revoke", "").status());
        assertEquals("revoked", admin.get("invitations/" + id).get("state").asText());
        assertAdminError(http.post("invitations/" + id + "/revoke", ""), 400, "invitation_revoked");
        assertAdminError(http.post("invitations/accept", "{\"token\":\"" + token + "\"}"), 400, "invitation_revoked");
        assertAdminError(http.post("invitations/accept", "{\"token\":\"sgi_unknown\"}"), 404, "invitation_not_found");
        assertAdminError(http.get("invitations?state=lost"), 400, "invalid_state");
    }

    @Test
    void membershipsAreListedByStatusAndTheirRoleSetByHand() {
        push("m1@acme.com");
        push("guest@elsewhere.example");
        assertEquals(1, admin.get("organizations/" + organizationId + "/memberships?status=active").get("data").size());
        assertEquals(1, admin.get("organizations/" + organizationId + "/memberships?status=pending").get("data").size());
        String membershipId = admin.get("organizations/" + organizationId + "/memberships?status=active").at("/data/0/id").asText();
        assertAdminError(http.patch("memberships/" + membershipId, "{\"role\":\"admin\"}"), 400, "unknown_role");
        admin.defineRoles(organizationId, "admin");
        HttpReply promoted = http.patch("memberships/" + membershipId, "{\"role\":\"admin\"}");
        assertEquals("admin", promoted.json().get("role").asText());
        assertEquals("m1@acme.com", promoted.json().get("email").asText());
        assertAdminError(http.patch("memberships/" + membershipId, "{\"role\":\"Not A Slug\"}"), 400, "invalid_role");
        assertAdminError(http.get("organizations/" + organizationId + "/memberships?status=gone"), 400, "invalid_status");
    }

    @Test
    void groupRolesAreReplacedAndListed() {
        String userId = push("g1@acme.com");
        String groupId = server.server().core().directoryGroups()
                .create(directory.id(), new DirectoryGroupData("Admins", null, "{}"), List.of(userId)).id();
        admin.defineRoles(organizationId, "admin");
        HttpReply replaced = http.put("organizations/" + organizationId + "/group-roles",
                "{\"mappings\":[{\"groupId\":\"" + groupId + "\",\"role\":\"admin\",\"priority\":5}]}");
        assertEquals(200, replaced.status(), replaced::toString);
        assertEquals("admin", admin.get("organizations/" + organizationId + "/group-roles").at("/mappings/0/role").asText());
        assertAdminError(http.put("organizations/" + organizationId + "/group-roles",
                "{\"mappings\":[{\"groupId\":\"nope\",\"role\":\"admin\",\"priority\":5}]}"), 400, "unknown_group");
    }

    @Test
    void organizationsAreUpdatedAndDirectoriesDeletedKeepingPeople() {
        assertAdminError(http.patch("organizations/" + organizationId, "{\"defaultRole\":\"viewer\"}"), 400, "unknown_role");
        admin.defineRoles(organizationId, "viewer");
        JsonNode updated = http.patch("organizations/" + organizationId,
                "{\"defaultRole\":\"viewer\",\"sendInvitations\":false}").json();
        assertEquals("viewer", updated.get("defaultRole").asText());
        assertFalse(updated.get("sendInvitations").asBoolean());
        assertEquals("Acme", updated.get("name").asText());

        push("kept@acme.com");
        assertEquals(204, http.delete("directories/" + directory.id()).status());
        assertAdminError(http.get("directories/" + directory.id()), 404, "directory_not_found");
        assertEquals(1, admin.get("organizations/" + organizationId + "/memberships?status=active").get("data").size());
        assertEquals(401, directory.scim().get("Users").status());
        JsonNode events = admin.get("events?limit=100&events=dsync.deleted&organizationId=" + organizationId);
        assertEquals(1, events.get("data").size());
    }
}
