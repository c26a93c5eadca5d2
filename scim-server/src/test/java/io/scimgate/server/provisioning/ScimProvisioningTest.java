package io.scimgate.server.provisioning;

import static io.scimgate.server.testing.ScimJson.patch;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.core.invitation.InvitationDelivery;
import io.scimgate.server.testing.AdminClient;
import io.scimgate.server.testing.DirectoryAccess;
import io.scimgate.server.testing.Http;
import io.scimgate.server.testing.HttpReply;
import io.scimgate.server.testing.TestServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The provisioning lifecycle end to end: an IdP pushes over SCIM, and the admin API shows the
 * Users, memberships, invitations and events that result.
 */
class ScimProvisioningTest {

    private static final List<InvitationDelivery> SENT = Collections.synchronizedList(new ArrayList<>());
    private static final List<String> REVOKED = Collections.synchronizedList(new ArrayList<>());
    private static TestServer server;
    private AdminClient admin;
    private String organizationId;
    private DirectoryAccess directory;
    private Http scim;

    @BeforeAll
    static void start() {
        server = TestServer.start(builder -> builder
                .invitationSender(SENT::add)
                .sessionRevoker((userId, organizationId) -> REVOKED.add(userId + "@" + organizationId)));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void newOrganization() {
        SENT.clear();
        REVOKED.clear();
        admin = server.admin();
        organizationId = admin.createOrganization("Acme");
        admin.addVerifiedDomain(organizationId, "acme.com");
        directory = admin.createDirectory(organizationId, "Okta", "okta");
        scim = directory.scim();
    }

    private String push(String userName, String email) {
        String emails = email == null ? "" : ",\"emails\":[{\"value\":\"" + email + "\",\"type\":\"work\",\"primary\":true}]";
        HttpReply created = scim.post("Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + "\"userName\":\"" + userName + "\",\"name\":{\"givenName\":\"Ana\",\"familyName\":\"Lee\"}" + emails + "}");
        assertEquals(201, created.status(), created::toString);
        return created.json().get("id").asText();
    }

    private void setActive(String id, boolean active) {
        HttpReply reply = scim.patch("Users/" + id, patch("[{\"op\":\"replace\",\"value\":{\"active\":" + active + "}}]"));
        assertEquals(200, reply.status(), reply::toString);
    }

    private JsonNode userByEmail(String email) {
        JsonNode page = admin.get("users?email=" + email);
        assertEquals(1, page.get("data").size(), page::toString);
        return page.at("/data/0");
    }

    private JsonNode membershipOf(String email) {
        String userId = userByEmail(email).get("id").asText();
        for (JsonNode membership : admin.get("organizations/" + organizationId + "/memberships").get("data")) {
            if (membership.get("userId").asText().equals(userId)) {
                return membership;
            }
        }
        throw new AssertionError("no membership of " + email);
    }

    private JsonNode provisioning(String directoryUserId) {
        return admin.get("directories/" + directory.id() + "/users/" + directoryUserId).get("provisioning");
    }

    private List<String> eventTypes() {
        List<String> types = new ArrayList<>();
        admin.get("events?limit=100&organizationId=" + organizationId).get("data")
                .forEach(event -> types.add(event.get("event").asText()));
        return types;
    }

    @Test
    void P13_aVerifiedDomainUserBecomesAnActiveMemberWithoutInvitation() {
        String id = push("ana@acme.com", "ana@acme.com");
        JsonNode membership = membershipOf("ana@acme.com");
        assertEquals("active", membership.get("status").asText());
        assertTrue(membership.get("directoryManaged").asBoolean());
        assertEquals("provisioned", provisioning(id).get("state").asText());
        assertEquals(0, admin.get("invitations?organizationId=" + organizationId).get("data").size());
        assertTrue(userByEmail("ana@acme.com").get("emailVerified").asBoolean());
        assertTrue(eventTypes().containsAll(List.of("dsync.user.created", "organization_membership.created")));
    }

    /** The server's outbox delivers on its own thread, right after the commit. */
    private void awaitDelivered(String invitationId) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !admin.get("invitations/" + invitationId).get("deliveredAt").isNull());
    }

    @Test
    void P14_P23_aGuestGetsAPendingMembershipAndAnInvitationAndAcceptingActivatesIt() {
        push("gus@contractor.example", "gus@contractor.example");
        assertEquals("pending", membershipOf("gus@contractor.example").get("status").asText());
        JsonNode invitations = admin.get("invitations?organizationId=" + organizationId + "&state=pending").get("data");
        assertEquals(1, invitations.size());
        assertFalse(invitations.toString().contains("sgi_"), "the token is never listed");
        awaitDelivered(invitations.get(0).get("id").asText());
        assertEquals(1, SENT.size());

        HttpReply accepted = admin.http().post("invitations/accept", "{\"token\":\"" + SENT.get(0).token() + "\"}");
        assertEquals(200, accepted.status(), accepted::toString);
        assertEquals("accepted", accepted.json().get("state").asText());
        assertEquals("active", membershipOf("gus@contractor.example").get("status").asText());
        assertTrue(userByEmail("gus@contractor.example").get("emailVerified").asBoolean());
        HttpReply again = admin.http().post("invitations/accept", "{\"token\":\"" + SENT.get(0).token() + "\"}");
        assertEquals(400, again.status());
        assertEquals("invitation_accepted", again.json().get("code").asText());
    }

    @Test
    void P19_P20_deactivationMakesTheMemberInactiveWithTheDefaultRoleAndReactivationRestoresTheRole() {
        String id = push("bo@acme.com", "bo@acme.com");
        String membershipId = membershipOf("bo@acme.com").get("id").asText();
        HttpReply promoted = admin.http().patch("memberships/" + membershipId, "{\"role\":\"admin\"}");
        assertEquals(200, promoted.status(), promoted::toString);

        setActive(id, false);
        JsonNode inactive = membershipOf("bo@acme.com");
        assertEquals("inactive", inactive.get("status").asText());
        assertEquals("member", inactive.get("role").asText());
        assertEquals(List.of(userByEmail("bo@acme.com").get("id").asText() + "@" + organizationId), REVOKED);
        assertEquals("deprovisioned", provisioning(id).get("state").asText());
        assertEquals(200, scim.get("Users/" + id).status(), "a deactivated user stays readable");

        setActive(id, true);
        JsonNode restored = membershipOf("bo@acme.com");
        assertEquals("active", restored.get("status").asText());
        assertEquals("admin", restored.get("role").asText());
    }

    @Test
    void P19_deactivationByPutHasTheSameEffectAsByPatch() {
        String id = push("cy@acme.com", "cy@acme.com");
        HttpReply put = scim.put("Users/" + id, "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + "\"userName\":\"cy@acme.com\",\"active\":false,"
                + "\"emails\":[{\"value\":\"cy@acme.com\",\"type\":\"work\",\"primary\":true}]}");
        assertEquals(200, put.status(), put::toString);
        assertEquals("inactive", membershipOf("cy@acme.com").get("status").asText());
        assertEquals(1, REVOKED.size());
    }

    @Test
    void P21_deleteThenRecreateGivesTheSameUserAndTheMembershipBack() {
        String first = push("di@acme.com", "di@acme.com");
        String userId = userByEmail("di@acme.com").get("id").asText();
        assertEquals(204, scim.delete("Users/" + first).status());
        assertEquals("inactive", membershipOf("di@acme.com").get("status").asText());

        String second = push("di@acme.com", "di@acme.com");
        assertFalse(first.equals(second));
        assertEquals(userId, provisioning(second).get("userId").asText());
        assertEquals("active", membershipOf("di@acme.com").get("status").asText());
        assertEquals(1, admin.get("users?email=di@acme.com").get("data").size());
    }

    @Test
    void P10_twoDirectoryUsersWithOneEmailProvisionOneAndPromoteTheOtherWhenTheFirstIsDeleted() {
        String first = push("ed", "ed@acme.com");
        String second = push("edward", "ED@acme.com");
        assertEquals("provisioned", provisioning(first).get("state").asText());
        JsonNode waiting = provisioning(second);
        assertEquals("duplicate_email", waiting.get("state").asText());
        assertTrue(waiting.get("detail").asText().contains(first));

        assertEquals(204, scim.delete("Users/" + first).status());
        assertEquals("provisioned", provisioning(second).get("state").asText());
        assertEquals("active", membershipOf("ed@acme.com").get("status").asText());
    }

    @Test
    void P9_aUserWithoutEmailIsNotProvisionedUntilAnUpdateAddsOne() {
        String id = push("fay", null);
        assertEquals("missing_email", provisioning(id).get("state").asText());
        assertEquals(0, admin.get("users?email=fay@acme.com").get("data").size());

        HttpReply patched = scim.patch("Users/" + id, patch(
                "[{\"op\":\"add\",\"path\":\"emails\",\"value\":[{\"value\":\"fay@acme.com\",\"type\":\"work\",\"primary\":true}]}]"));
        assertEquals(200, patched.status(), patched::toString);
        assertEquals("provisioned", provisioning(id).get("state").asText());
        assertEquals("active", membershipOf("fay@acme.com").get("status").asText());
    }

    @Test
    void theDirectoryUserListShowsEveryStateWithItsReason() {
        push("gil@acme.com", "gil@acme.com");
        push("hal", null);
        JsonNode users = admin.get("directories/" + directory.id() + "/users").get("data");
        assertEquals(2, users.size());
        assertEquals("provisioned", users.get(0).at("/provisioning/state").asText());
        assertEquals("missing_email", users.get(1).at("/provisioning/state").asText());
        assertFalse(users.get(1).at("/provisioning/detail").asText().isBlank());
    }

    @Test
    void eventsAreReadWithACursorAndFilters() {
        push("ivy@acme.com", "ivy@acme.com");
        push("jo@acme.com", "jo@acme.com");
        JsonNode first = admin.get("events?limit=2&organizationId=" + organizationId);
        assertEquals(2, first.get("data").size());
        long after = first.at("/listMetadata/after").asLong();
        assertEquals(first.at("/data/1/id").asLong(), after, "the cursor is the last id returned");
        JsonNode rest = admin.get("events?limit=100&after=" + after + "&organizationId=" + organizationId);
        assertTrue(rest.get("data").get(0).get("id").asLong() > after);
        JsonNode created = admin.get("events?limit=100&events=dsync.user.created&organizationId=" + organizationId);
        assertEquals(2, created.get("data").size());
        assertEquals("dsync.user.created", created.at("/data/0/event").asText());
        assertTrue(created.at("/data/0/createdAt").asText().endsWith("Z"));
        HttpReply badLimit = admin.http().get("events?limit=1000");
        assertEquals(400, badLimit.status());
        assertEquals("invalid_limit", badLimit.json().get("code").asText());
    }
}
