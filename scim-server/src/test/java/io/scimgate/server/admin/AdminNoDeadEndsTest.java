package io.scimgate.server.admin;

import static io.scimgate.server.admin.AdminApiTest.assertAdminError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.core.testing.MutableClock;
import io.scimgate.server.testing.AdminClient;
import io.scimgate.server.testing.DirectoryAccess;
import io.scimgate.server.testing.Http;
import io.scimgate.server.testing.HttpReply;
import io.scimgate.server.testing.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin API leaves no dead ends (README: Invitations, memberships and domains): re-invite, remove, deactivate and reactivate memberships. */
class AdminNoDeadEndsTest {

    private static final MutableClock CLOCK = MutableClock.startingNow();
    private static TestServer server;
    private AdminClient admin;
    private Http http;
    private String organizationId;
    private DirectoryAccess directory;

    @BeforeAll
    static void start() {
        server = TestServer.start(builder -> builder.clock(CLOCK));
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

    private void push(String email) {
        HttpReply created = directory.scim().post("Users", "{\"userName\":\"" + email + "\","
                + "\"emails\":[{\"value\":\"" + email + "\",\"primary\":true}]}");
        assertEquals(201, created.status(), created::toString);
    }

    private JsonNode membership(String status) {
        JsonNode found = admin.get("organizations/" + organizationId + "/memberships?status=" + status).get("data");
        assertEquals(1, found.size(), found::toString);
        return found.get(0);
    }

    private JsonNode pendingInvitation() {
        return admin.get("invitations?organizationId=" + organizationId + "&state=pending").at("/data/0");
    }

    @Test
    void aRevokedInvitationsMembershipIsInvitedAgain() {
        push("gus@elsewhere.example");
        String first = pendingInvitation().get("id").asText();
        assertEquals(200, http.post("invitations/" + first + "/revoke", "").status());
        String membershipId = membership("pending").get("id").asText();

        HttpReply invited = http.post("invitations", "{\"membershipId\":\"" + membershipId + "\"}");
        assertEquals(201, invited.status(), invited::toString);
        String fresh = invited.json().at("/invitation/id").asText();
        assertNotEquals(first, fresh);
        assertTrue(invited.header("Location").orElseThrow().endsWith("/invitations/" + fresh));
        assertEquals("pending", invited.json().at("/invitation/state").asText());
        String token = invited.json().get("token").asText();
        assertTrue(invited.json().get("acceptUrl").asText().contains(token));

        assertAdminError(http.post("invitations", "{\"membershipId\":\"" + membershipId + "\"}"), 409, "invitation_pending");
        assertAdminError(http.post("invitations", "{}"), 400, "membership_id_required");
        assertAdminError(http.post("invitations", "{\"membershipId\":\"missing\"}"), 404, "membership_not_found");
        assertEquals(200, http.post("invitations/accept", "{\"token\":\"" + token + "\"}").status());
        assertAdminError(http.post("invitations", "{\"membershipId\":\"" + membershipId + "\"}"), 409, "membership_not_pending");
    }

    @Test
    void anExpiredInvitationIsResentAsAFreshOneAndCannotBeRevoked() {
        push("late@elsewhere.example");
        String expired = pendingInvitation().get("id").asText();
        CLOCK.advance(Duration.ofDays(8));
        assertEquals("expired", admin.get("invitations/" + expired).get("state").asText());
        assertAdminError(http.post("invitations/" + expired + "/revoke", ""), 409, "invitation_expired");

        HttpReply resent = http.post("invitations/" + expired + "/resend", "");
        assertEquals(200, resent.status(), resent::toString);
        assertNotEquals(expired, resent.json().at("/invitation/id").asText());
        assertEquals("pending", resent.json().at("/invitation/state").asText());
    }

    @Test
    void pendingAndInactiveMembershipsAreRemovedButActiveOnesAreNot() {
        push("gus@elsewhere.example");
        push("ana@acme.com");
        String pending = membership("pending").get("id").asText();
        String active = membership("active").get("id").asText();

        assertAdminError(http.delete("memberships/" + active), 409, "membership_active");
        assertEquals(204, http.delete("memberships/" + pending).status());
        assertAdminError(http.get("memberships/" + pending), 404, "membership_not_found");
        assertEquals("revoked", admin.get("invitations?organizationId=" + organizationId).at("/data/0/state").asText());
        assertAdminError(http.delete("memberships/" + pending), 404, "membership_not_found");
    }

    @Test
    void aDeletedDirectorysMembershipsAreDeactivatedReactivatedAndRemovedByAnAdmin() {
        push("ana@acme.com");
        String id = membership("active").get("id").asText();
        assertAdminError(http.post("memberships/" + id + "/deactivate", ""), 409, "membership_directory_managed");

        assertEquals(204, http.delete("directories/" + directory.id()).status());
        assertFalse(admin.get("memberships/" + id).get("directoryManaged").asBoolean());

        // As the README's curl sends it: no body, no Content-Type.
        Http bare = new Http(server.url() + "/admin/v1").bearer(server.adminToken());
        HttpReply deactivated = bare.send("POST", "memberships/" + id + "/deactivate", null, java.util.Map.of());
        assertEquals(200, deactivated.status(), deactivated::toString);
        assertEquals("inactive", deactivated.json().get("status").asText());
        HttpReply reactivated = http.post("memberships/" + id + "/reactivate", "");
        assertEquals("active", reactivated.json().get("status").asText());
        http.post("memberships/" + id + "/deactivate", "");
        assertEquals(204, http.delete("memberships/" + id).status());
    }
}
