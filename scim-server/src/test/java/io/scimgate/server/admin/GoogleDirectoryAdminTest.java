package io.scimgate.server.admin;

import static io.scimgate.server.admin.AdminApiTest.assertAdminError;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.core.testing.google.FakeAdminSdk;
import io.scimgate.core.testing.google.FakeWorkspace;
import io.scimgate.core.testing.google.TestServiceAccount;
import io.scimgate.server.testing.DirectoryAccess;
import io.scimgate.server.testing.Http;
import io.scimgate.server.testing.HttpReply;
import io.scimgate.server.testing.TestServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A Google directory driven through the admin API against a fake Google on loopback: settings
 * (never answering the key back), "sync now" run by the server's scheduler, the run history,
 * and the synced users visible through the directory's SCIM API. Nothing logged holds the key or
 * an access token.
 */
class GoogleDirectoryAdminTest {

    private static final String ADMIN = "admin@corp.example";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TestServiceAccount ACCOUNT = TestServiceAccount.create();
    private static final FakeWorkspace WORKSPACE = new FakeWorkspace();
    private static FakeAdminSdk google;
    private static TestServer server;
    private static Http admin;

    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();
    private DirectoryAccess directory;

    @BeforeAll
    static void start() {
        WORKSPACE.addUser("101", "ana@corp.example", "Ana", "Lee");
        WORKSPACE.addUser("102", "bo@corp.example", "Bo", "Kim").put("suspended", true);
        WORKSPACE.addUser("103", "cy@corp.example", "Cy", "Ng");
        WORKSPACE.addGroup("g-eng", "eng@corp.example", "Engineering");
        WORKSPACE.addUserMember("g-eng", "101");
        WORKSPACE.addUserMember("g-eng", "102");
        google = new FakeAdminSdk(WORKSPACE, ACCOUNT, ADMIN);
        server = TestServer.start(Map.of(
                "SCIMGATE_SECRET_KEY", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=",
                "SCIMGATE_GOOGLE_TOKEN_URL", google.tokenUrl().toString(),
                "SCIMGATE_GOOGLE_API_URL", google.apiBaseUrl().toString()));
        admin = server.admin().http();
    }

    @AfterAll
    static void stop() {
        server.close();
        google.close();
    }

    @BeforeEach
    void newDirectoryAndCaptureLogs() {
        directory = server.newDirectory("google");
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        logs.setContext(context);
        logs.start();
        Logger scimgate = context.getLogger("io.scimgate");
        scimgate.setLevel(Level.ALL);
        scimgate.addAppender(logs);
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(logs);
    }

    @AfterEach
    void checkLogsHoldNoSecret() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger("io.scimgate").detachAppender(logs);
        context.getLogger("io.scimgate").setLevel(null);
        context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(logs);
        for (ILoggingEvent event : logs.list) {
            String line = event.getFormattedMessage() + (event.getThrowableProxy() == null ? "" : event.getThrowableProxy().getMessage());
            assertFalse(line.contains(ACCOUNT.privateKeyFragment()), line);
            assertFalse(line.contains("ya29.fake-"), line);
        }
    }

    private static ObjectNode settings() {
        ObjectNode body = JSON.createObjectNode().put("adminEmail", ADMIN);
        try {
            body.set("serviceAccountKey", JSON.readTree(ACCOUNT.keyJson()));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return body;
    }

    private String googleUrl() {
        return "directories/" + directory.id() + "/google";
    }

    private static void assertNoKeyIn(HttpReply reply) {
        assertFalse(reply.body().contains(ACCOUNT.privateKeyFragment()), reply::toString);
        assertFalse(reply.body().contains("PRIVATE KEY"), reply::toString);
        assertFalse(reply.body().contains("serviceAccountKey\""), reply::toString);
    }

    @Test
    void aGoogleDirectoryIsConfiguredSyncedOnRequestAndShowsItsRuns() {
        HttpReply configured = admin.put(googleUrl(), settings().put("syncIntervalMinutes", 15).toString());
        assertEquals(201, configured.status(), configured::toString);
        assertNoKeyIn(configured);
        JsonNode view = configured.json();
        assertEquals("my_customer", view.get("customer").asText());
        assertEquals(ADMIN, view.get("adminEmail").asText());
        assertEquals(TestServiceAccount.CLIENT_EMAIL, view.get("serviceAccountEmail").asText());
        assertEquals("encrypted", view.get("credentialStorage").asText());
        assertEquals(15, view.get("syncIntervalMinutes").asInt());

        HttpReply requested = admin.post(googleUrl() + "/sync", "");
        assertEquals(202, requested.status(), requested::toString);
        JsonNode runs = awaitIdle();

        JsonNode first = runs.get(runs.size() - 1);
        assertEquals("request", first.get("trigger").asText());
        assertEquals(3, first.at("/users/created").asInt(), first::toString);
        assertEquals(1, first.at("/groups/created").asInt());
        assertTrue(first.hasNonNull("startedAt") && first.hasNonNull("finishedAt"));
        runs.forEach(run -> assertEquals("succeeded", run.get("status").asText(), run::toString));
        HttpReply read = admin.get(googleUrl());
        assertNoKeyIn(read);
        assertEquals(runs.get(0).get("id").asText(), read.json().at("/lastRun/id").asText());

        String filter = URLEncoder.encode("externalId eq \"102\"", StandardCharsets.UTF_8);
        JsonNode users = directory.scim().get("Users?filter=" + filter).json();
        assertEquals(1, users.get("totalResults").asInt(), users::toString);
        assertEquals("bo@corp.example", users.at("/Resources/0/userName").asText());
        assertFalse(users.at("/Resources/0/active").asBoolean(), "suspended in Google");
        assertEquals("Kim", users.at("/Resources/0/name/familyName").asText(), users::toString);
        assertEquals("bo@corp.example", users.at("/Resources/0/emails/0/value").asText());
    }

    @Test
    void puttingAgainWithoutTheKeyKeepsItAndAnswers200() {
        assertEquals(201, admin.put(googleUrl(), settings().toString()).status());

        HttpReply changed = admin.put(googleUrl(), "{\"adminEmail\":\"" + ADMIN + "\",\"groups\":[\"eng@corp.example\"]}");

        assertEquals(200, changed.status(), changed::toString);
        assertEquals("eng@corp.example", changed.json().at("/groups/0").asText());
        assertEquals(ACCOUNT.keyId(), changed.json().get("keyId").asText());
        assertEquals(30, changed.json().get("syncIntervalMinutes").asInt());
    }

    @Test
    void theKeyMayBePastedAsAString() {
        ObjectNode body = JSON.createObjectNode().put("adminEmail", ADMIN).put("serviceAccountKey", ACCOUNT.keyJson());

        HttpReply configured = admin.put(googleUrl(), body.toString());

        assertEquals(201, configured.status(), configured::toString);
        assertNoKeyIn(configured);
    }

    @Test
    void refusalsAreCodeAndMessageWithTheRightStatus() {
        String okta = server.newDirectory("okta").id();
        assertAdminError(admin.put("directories/" + okta + "/google", settings().toString()), 409, "not_a_google_directory");
        assertAdminError(admin.put("directories/no-such-directory/google", settings().toString()), 404, "directory_not_found");
        assertAdminError(admin.get(googleUrl()), 404, "google_sync_not_configured");
        assertAdminError(admin.post(googleUrl() + "/sync", ""), 404, "google_sync_not_configured");
        assertAdminError(admin.get(googleUrl() + "/runs"), 404, "google_sync_not_configured");
        assertAdminError(admin.put(googleUrl(), settings().without("adminEmail").toString()), 400, "admin_email_required");
        assertAdminError(admin.put(googleUrl(), settings().put("syncIntervalMinutes", 1).toString()), 400, "invalid_sync_interval");
        assertAdminError(admin.put(googleUrl(), settings().put("password", "x").toString()), 400, "unknown_field");
        assertAdminError(admin.put(googleUrl(), settings().put("serviceAccountKey", 42).toString()), 400,
                "invalid_service_account_key");
        assertAdminError(admin.send("PUT", googleUrl(), "", Map.of()), 400, "body_required");

        ObjectNode brokenKey = settings();
        ((ObjectNode) brokenKey.get("serviceAccountKey")).put("private_key", "-----BEGIN PRIVATE KEY-----\nAAAA"
                + ACCOUNT.privateKeyFragment() + "\n-----END PRIVATE KEY-----\n");
        HttpReply refused = admin.put(googleUrl(), brokenKey.toString());
        assertAdminError(refused, 400, "invalid_service_account_key");
        assertNoKeyIn(refused);

        assertEquals(201, admin.put(googleUrl(), settings().toString()).status());
        assertAdminError(admin.get(googleUrl() + "/runs?limit=0"), 400, "invalid_limit");
        assertAdminError(admin.send("GET", googleUrl(), null, Map.of("Authorization", "Bearer nope")), 401, "unauthorized");
    }

    @Test
    void removingTheSettingsStopsTheSync() {
        assertEquals(201, admin.put(googleUrl(), settings().toString()).status());

        assertEquals(204, admin.delete(googleUrl()).status());

        assertAdminError(admin.get(googleUrl()), 404, "google_sync_not_configured");
    }

    /** Waits until no sync of the directory runs or is asked for; its runs then, newest first. */
    private JsonNode awaitIdle() {
        await("the directory's sync to finish").atMost(Duration.ofSeconds(30))
                .until(() -> admin.get(googleUrl()).json(), settings -> !settings.get("syncing").asBoolean()
                        && settings.get("syncRequestedAt").isNull() && settings.hasNonNull("lastRun"));
        return admin.get(googleUrl() + "/runs").json().get("data");
    }
}
