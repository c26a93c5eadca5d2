package io.scimgate.conformance;

import static io.scimgate.conformance.suite.Json.expect;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.conformance.StartedServer.LocalGoogle;
import io.scimgate.conformance.suite.Scenario;
import io.scimgate.conformance.suite.Step;
import io.scimgate.conformance.suite.Tenant;
import io.scimgate.conformance.http.Http;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Google Workspace the real way (IDP-QUIRKS.md §8): scimgate polls the Admin SDK Directory API. The
 * server under test syncs from a fake Admin SDK on loopback that speaks Google's wire format and
 * checks the signed token request; the directory is set up, synced and read only through the
 * admin API.
 */
class GooglePollerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The Google users this test added to the JVM's fake Workspace, removed again after it. */
    private final List<String> googleIds = new ArrayList<>();
    private LocalGoogle google;
    private Tenant tenant;
    private Http admin;
    private boolean configured;

    @BeforeEach
    void localServerAndTenant() {
        Optional<LocalGoogle> local = StartedServer.localGoogle();
        assumeTrue(local.isPresent(), "-Dscimgate.url names a deployed server: it cannot reach the fake Google Admin SDK"
                + " this JVM serves on 127.0.0.1, and these tests never call the real Google");
        google = local.get();
        tenant = Tenant.of("google");
        admin = tenant.admin.http();
    }

    @AfterEach
    void leaveTheWorkspaceAsFound() {
        if (configured) {
            expect(204, admin.delete(googleUrl()));
        }
        googleIds.forEach(id -> google.workspace().removeUser(id));
    }

    private String googleUrl() {
        return "directories/" + tenant.directory.id() + "/google";
    }

    /** Adds an active Google user on the organization's verified domain; returns its Google id. */
    private String googleUser(String name, String givenName, String familyName) {
        // Google ids are long numbers; the tenant's random tag keeps these apart from any other test's.
        String id = "10" + Long.parseLong(tenant.domain.substring(5, 13), 16) + googleIds.size();
        google.workspace().addUser(id, tenant.employee(name), givenName, familyName);
        googleIds.add(id);
        return id;
    }

    private String settings() {
        ObjectNode body = JSON.createObjectNode().put("adminEmail", google.adminEmail());
        try {
            body.set("serviceAccountKey", JSON.readTree(google.account().keyJson()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return body.toString();
    }

    /** Waits until the directory has finished a run other than {@code previousRunId} and none is due; returns it. */
    private JsonNode awaitRunAfter(String previousRunId) {
        return await("a finished run of the Google directory after " + previousRunId).atMost(Duration.ofSeconds(60))
                .until(() -> expect(200, admin.get(googleUrl())), state -> !state.get("syncing").asBoolean()
                        && state.get("syncRequestedAt").isNull() && state.get("lastRun").hasNonNull("id")
                        && !state.get("lastRun").get("id").asText().equals(previousRunId)
                        && state.get("lastRun").hasNonNull("finishedAt"))
                .get("lastRun");
    }

    /** The directory's users with their provisioning state, by idpId (the Google id). */
    private Map<String, JsonNode> directoryUsers() {
        Map<String, JsonNode> byGoogleId = new HashMap<>();
        JsonNode page = tenant.admin.get("directories/" + tenant.directory.id() + "/users?limit=100");
        page.get("data").forEach(user -> byGoogleId.put(user.get("idpId").asText(), user));
        assertTrue(page.at("/listMetadata/after").isNull(), "one page holds them all");
        return byGoogleId;
    }

    private int events(String type) {
        return tenant.events(type).size();
    }

    @Test
    @DisplayName("§11.26 Google poller: pages with nextPageToken, a suspended, an archived, a renamed (same id) and a"
            + " vanished user → inactive, inactive, updated in place, deleted")
    @Scenario(26)
    @Step(provider = "google", step = "import")
    @Step(provider = "google", step = "deactivate")
    @Step(provider = "google", step = "profile update")
    @Step(provider = "google", step = "delete")
    void pollerFollowsPagesAndMirrorsSuspendArchiveRenameAndRemoval() {
        String ana = googleUser("ana", "Ana", "Lee");
        String bo = googleUser("bo", "Bo", "Kim");
        String cy = googleUser("cy", "Cy", "Ng");
        String di = googleUser("di", "Di", "Ho");
        String eve = googleUser("eve", "Eve", "Park");
        String fay = googleUser("fay", "Fay", "Wu");
        // Six users in pages of two: users.list answers three pages chained by nextPageToken.
        google.api().pageSize(2);

        expect(201, admin.put(googleUrl(), settings()));
        configured = true;
        JsonNode first = awaitRunAfter(null);

        assertEquals("succeeded", first.get("status").asText(), first::toString);
        assertEquals(6, first.at("/users/created").asInt(), first::toString);
        Map<String, JsonNode> users = directoryUsers();
        assertEquals(6, users.size(), users::toString);
        for (String id : googleIds) {
            JsonNode user = users.get(id);
            assertEquals("active", user.get("state").asText(), user::toString);
            assertEquals("provisioned", user.at("/provisioning/state").asText(), user::toString);
            assertEquals("active", tenant.membershipStatus(user.get("email").asText()), user::toString);
        }
        Map<String, JsonNode> before = users;
        JsonNode diBefore = users.get(di);
        JsonNode eveBefore = users.get(eve);

        google.workspace().changeUser(bo, user -> user.put("suspended", true));
        google.workspace().changeUser(cy, user -> user.put("archived", true));
        google.workspace().renameUser(di, tenant.employee("di.ho"));
        google.workspace().removeUser(eve);
        expect(202, admin.post(googleUrl() + "/sync", ""));
        JsonNode second = awaitRunAfter(first.get("id").asText());

        assertEquals("succeeded", second.get("status").asText(), second::toString);
        assertEquals("request", second.get("trigger").asText());
        assertEquals(0, second.at("/users/created").asInt(), second::toString);
        assertEquals(1, second.at("/users/updated").asInt(), second::toString);
        assertEquals(2, second.at("/users/deactivated").asInt(), second::toString);
        assertEquals(1, second.at("/users/deleted").asInt(), second::toString);
        JsonNode runs = expect(200, admin.get(googleUrl() + "/runs")).get("data");
        assertEquals(List.of(second.get("id").asText(), first.get("id").asText()),
                List.of(runs.get(0).get("id").asText(), runs.get(1).get("id").asText()), "newest first");

        users = directoryUsers();
        assertEquals(5, users.size(), users::toString);
        for (String inactive : List.of(bo, cy)) {
            JsonNode user = users.get(inactive);
            assertEquals("inactive", user.get("state").asText(), user::toString);
            assertEquals("deprovisioned", user.at("/provisioning/state").asText(), user::toString);
            assertEquals("inactive", tenant.membershipStatus(user.get("email").asText()), user::toString);
        }

        JsonNode renamed = users.get(di);
        assertEquals(diBefore.get("id").asText(), renamed.get("id").asText(), "updated in place: same directory user");
        assertEquals(tenant.employee("di.ho"), renamed.get("userName").asText());
        assertEquals(tenant.employee("di.ho"), renamed.get("email").asText());
        assertEquals("provisioned", renamed.at("/provisioning/state").asText());
        assertEquals(diBefore.at("/provisioning/userId").asText(), renamed.at("/provisioning/userId").asText());
        assertEquals(tenant.employee("di"), tenant.user(tenant.employee("di")).get("email").asText(),
                "P18: the User keeps its email");
        assertFalse(tenant.hasUser(tenant.employee("di.ho")));
        assertEquals("active", tenant.membershipStatus(tenant.employee("di")));

        assertFalse(users.containsKey(eve));
        expect(404, admin.get("directories/" + tenant.directory.id() + "/users/" + eveBefore.get("id").asText()));
        assertEquals("inactive", tenant.membershipStatus(tenant.employee("eve")));
        assertTrue(tenant.hasUser(tenant.employee("eve")), "the User is never deleted");

        for (String unchanged : List.of(ana, fay)) {
            assertEquals(before.get(unchanged), users.get(unchanged), "same etag: not written again");
            assertEquals("active", tenant.membershipStatus(users.get(unchanged).get("email").asText()));
        }
        assertEquals(6, events("dsync.user.created"));
        assertEquals(3, events("dsync.user.updated"), "suspended, archived, renamed; nothing for the unchanged");
        assertEquals(1, events("dsync.user.deleted"));
        assertEquals(6, events("organization_membership.created"));
        assertEquals(3, events("organization_membership.updated"), "suspended, archived and vanished become inactive");
    }
}
