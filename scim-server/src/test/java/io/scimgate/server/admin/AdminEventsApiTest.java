package io.scimgate.server.admin;

import static io.scimgate.server.admin.AdminApiTest.assertAdminError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.server.testing.AdminClient;
import io.scimgate.server.testing.DirectoryAccess;
import io.scimgate.server.testing.Http;
import io.scimgate.server.testing.TestServer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The event feed of the admin API (RULES.md P25): its cursor, its filters and what it refuses. */
class AdminEventsApiTest {

    private static TestServer server;
    private static AdminClient admin;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        admin = server.admin();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String push(DirectoryAccess directory, String email) {
        var reply = directory.scim().post("Users", "{\"userName\":\"" + email + "\",\"emails\":[{\"value\":\"" + email
                + "\",\"primary\":true}],\"name\":{\"givenName\":\"Ana\",\"familyName\":\"Lee\"}}");
        assertEquals(201, reply.status(), reply::toString);
        return reply.json().get("id").asText();
    }

    @Test
    void P25_theListAlwaysAnswersANumericCursorToContinueFrom() {
        String organizationId = admin.createOrganization("Cursor");
        DirectoryAccess directory = admin.createDirectory(organizationId, "Okta", "okta");
        push(directory, "ana@cursor.example");
        JsonNode page = admin.get("events?limit=100&organizationId=" + organizationId);
        JsonNode data = page.get("data");
        assertTrue(page.at("/listMetadata/after").isNumber());
        assertEquals(data.get(data.size() - 1).get("id").asLong(), page.at("/listMetadata/after").asLong());
        long after = page.at("/listMetadata/after").asLong();
        JsonNode empty = admin.get("events?organizationId=" + organizationId + "&after=" + after);
        assertEquals(0, empty.get("data").size());
        assertEquals(after, empty.at("/listMetadata/after").asLong(), "an empty page hands back the request's after");
    }

    @Test
    void P25_userEventsAreInTheFeedOfTheOrganizationsThePersonBelongsTo() {
        String organizationId = admin.createOrganization("People");
        admin.addVerifiedDomain(organizationId, "people.example");
        DirectoryAccess directory = admin.createDirectory(organizationId, "Entra", "entra");
        push(directory, "bo@people.example");
        List<String> types = new ArrayList<>();
        admin.get("events?limit=100&events=user.created,organization_membership.created&organizationId=" + organizationId)
                .get("data").forEach(event -> {
                    types.add(event.get("event").asText());
                    assertEquals(organizationId, event.get("organizationId").asText());
                });
        assertEquals(List.of("user.created", "organization_membership.created"), types);
    }

    @Test
    void P25_createdAfterAndCreatedBeforeFilterByTime() {
        String organizationId = admin.createOrganization("Timed");
        Instant before = Instant.now().minusSeconds(1);
        JsonNode all = admin.get("events?organizationId=" + organizationId + "&createdAfter=" + before);
        assertEquals(1, all.get("data").size(), "organization.created");
        JsonNode none = admin.get("events?organizationId=" + organizationId + "&createdBefore=" + before);
        assertEquals(0, none.get("data").size());
    }

    @Test
    void P25_unknownParametersAndEventTypesAreRefusedByName() {
        Http http = admin.http();
        var unknown = http.get("events?limit=5&organisationId=x&foo=1");
        assertAdminError(unknown, 400, "unknown_parameter");
        assertTrue(unknown.body().contains("organisationId") && unknown.body().contains("foo"), unknown::toString);
        var unknownType = http.get("events?events=user.created,user.teleported");
        assertAdminError(unknownType, 400, "unknown_event_type");
        assertTrue(unknownType.body().contains("user.teleported"), unknownType::toString);
        assertAdminError(http.get("events?after=abc"), 400, "invalid_after");
        assertAdminError(http.get("events?createdAfter=yesterday"), 400, "invalid_createdAfter");
        var webhook = http.post("webhooks", "{\"url\":\"http://127.0.0.1:9/hook\",\"events\":[\"dsync.user.created\","
                + "\"dsync.user.exploded\"]}");
        assertAdminError(webhook, 400, "unknown_event_type");
        assertTrue(webhook.body().contains("dsync.user.exploded"), webhook::toString);
    }
}
