package io.scimgate.server.upgrade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimgate.core.CoreInternals;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimgate.core.store.Migrations;
import io.scimgate.core.store.StoreSchema;
import io.scimgate.core.testing.TestDatabase;
import io.scimgate.core.testing.TestDatabases;
import io.scimgate.server.ScimgateServer;
import io.scimgate.server.testing.Http;
import io.scimgate.server.testing.HttpReply;
import io.scimgate.server.testing.ScimJson;
import io.scimgate.server.testing.TestServer;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A store written by an earlier release opens with this code, migrates (its Flyway history, in
 * {@code flyway_schema_history} then, taken over into scimgate's own table), and loses nothing: its
 * admin token and directory tokens still authenticate, its users, groups, memberships,
 * invitations, domains and webhooks read as the release left them, a SCIM cursor the release
 * handed out still pages, and the event log continues after the release's last event id.
 */
class UpgradeTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "from {0}")
    @ValueSource(strings = {"v0.1.0"})
    void aStoreOfAnEarlierReleaseMigratesAndLosesNothing(String release) throws Exception {
        ReleaseFixture fixture = new ReleaseFixture(release);
        TestDatabase database = fixture.restore();
        try (ScimgateServer server = ScimgateServer.start(TestServer.config(database, null))) {
            try (Connection connection = CoreInternals.database(server.core()).dataSource().getConnection()) {
                String newest = Migrations.latestVersion(CoreInternals.database(server.core()).dataSource(), StoreSchema.CURRENT);
                assertTrue(Migrations.isApplied(connection, StoreSchema.CURRENT, newest), "migrated to " + newest);
                try (ResultSet legacy = connection.getMetaData().getTables(null, connection.getSchema(), "flyway_schema_history", null)) {
                    assertFalse(legacy.next(), "the release's history moved to " + Migrations.HISTORY_TABLE + " and its table is gone");
                }
            }
            Http admin = new Http(server.baseUrl() + "/admin/v1").bearer(fixture.get("adminToken"));
            String organization = fixture.get("organizationId");
            assertEquals("Acme", ok(admin.get("organizations/" + organization)).get("name").asText(),
                    "the release's stored admin token still works");

            Http okta = scim(server, fixture.get("oktaDirectoryId"), fixture.get("oktaToken"));
            Http oktaSecond = scim(server, fixture.get("oktaDirectoryId"), fixture.get("oktaSecondToken"));
            Http entra = scim(server, fixture.get("entraDirectoryId"), fixture.get("entraToken"));
            assertEquals(fixture.get("oktaUsers"), ok(okta.get("Users?count=0")).get("totalResults").asText());
            assertEquals(fixture.get("oktaUsers"), ok(oktaSecond.get("Users?count=0")).get("totalResults").asText());
            assertEquals(fixture.get("entraUsers"), ok(entra.get("Users?count=0")).get("totalResults").asText());
            assertEquals(401, scim(server, fixture.get("entraDirectoryId"), fixture.get("oktaToken")).get("Users").status());

            JsonNode nextPage = ok(okta.get("Users?count=2&cursor=" + fixture.get("oktaUsersNextCursor")));
            assertEquals(2, nextPage.get("Resources").size(), "the release's cursor still pages: " + nextPage);

            JsonNode group = ok(okta.get("Groups/" + fixture.get("groupId")));
            assertEquals("Admins", group.get("displayName").asText());
            assertEquals(2, group.get("members").size());
            JsonNode ana = ok(admin.get("directories/" + fixture.get("oktaDirectoryId") + "/users/" + fixture.get("anaDirectoryUserId")));
            assertEquals("provisioned", ana.at("/provisioning/state").asText(), ana::toString);
            assertEquals(50, ok(admin.get("directories/" + fixture.get("entraDirectoryId"))).at("/rateLimit/requestsPerSecond").asInt());

            assertEquals(JSON.readTree(fixture.get("memberships")), memberships(admin, organization));
            assertEquals(fixture.get("users"), Integer.toString(ok(admin.get("users?limit=100")).get("data").size()));
            assertEquals("pending", ok(admin.get("invitations/" + fixture.get("pendingInvitationId"))).get("state").asText());
            JsonNode domains = ok(admin.get("organizations/" + organization + "/domains")).get("data");
            assertEquals(2, domains.size());

            JsonNode webhook = ok(admin.get("webhooks/" + fixture.get("webhookId")));
            assertEquals(fixture.get("webhookLastEventId"), webhook.get("lastEventId").asText(), "the webhook's place in the log stays");

            long lastEventId = Long.parseLong(fixture.get("lastEventId"));
            assertEquals(0, ok(admin.get("events?after=" + lastEventId)).get("data").size(), "the upgrade itself adds no events");
            assertEquals(lastEventId, lastId(ok(admin.get("events?limit=100")).get("data")),
                    "the release's events are all there, ending at its last id");
            assertEquals(201, okta.post("Users", ScimJson.user("new.hire@acme.com", "00u9")).status());
            JsonNode after = ok(admin.get("events?after=" + lastEventId)).get("data");
            assertFalse(after.isEmpty(), "new events follow the release's last one");
            for (JsonNode event : after) {
                assertTrue(event.get("id").asLong() > lastEventId, event::toString);
            }
        } finally {
            TestDatabases.drop(database);
        }
    }

    private static Http scim(ScimgateServer server, String directoryId, String token) {
        return new Http(server.baseUrl() + "/scim/v2/" + directoryId).bearer(token);
    }

    private static JsonNode ok(HttpReply reply) {
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    private static JsonNode memberships(Http admin, String organization) {
        List<JsonNode> found = new ArrayList<>();
        ok(admin.get("organizations/" + organization + "/memberships")).get("data").forEach(membership -> found.add(JSON.createObjectNode()
                .put("email", membership.get("email").asText())
                .put("status", membership.get("status").asText())
                .put("role", membership.get("role").asText())));
        found.sort(Comparator.comparing(membership -> membership.get("email").asText()));
        return JSON.valueToTree(found);
    }

    private static long lastId(JsonNode events) {
        long last = 0;
        for (JsonNode event : events) {
            last = Math.max(last, event.get("id").asLong());
        }
        return last;
    }
}
