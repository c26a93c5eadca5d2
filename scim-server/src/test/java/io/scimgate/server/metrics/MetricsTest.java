package io.scimgate.server.metrics;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.scimgate.server.testing.AdminClient;
import io.scimgate.server.testing.DirectoryAccess;
import io.scimgate.server.testing.Http;
import io.scimgate.server.testing.HttpReply;
import io.scimgate.server.testing.TestServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code /metrics} on the main port, behind the admin token, as a scraper and an operator see it. */
class MetricsTest {

    private static TestServer server;
    private static HttpServer webhookReceiver;
    private static final AtomicInteger WEBHOOK_STATUS = new AtomicInteger(200);

    @BeforeAll
    static void start() throws IOException {
        server = TestServer.start(builder -> builder.invitationSender(delivery -> {
            if (delivery.invitation().email().startsWith("unreachable")) {
                throw new IllegalStateException("mailbox unavailable");
            }
        }));
        webhookReceiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        webhookReceiver.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(WEBHOOK_STATUS.get(), -1);
            exchange.close();
        });
        webhookReceiver.start();
    }

    @AfterAll
    static void stop() {
        server.close();
        webhookReceiver.stop(0);
    }

    private static Scrape scrape() {
        HttpReply reply = new Http(server.url()).bearer(server.adminToken()).get("/metrics");
        assertEquals(200, reply.status(), reply::toString);
        assertTrue(reply.contentType().startsWith("text/plain"), reply.contentType());
        return new Scrape(reply.body());
    }

    private static DirectoryAccess directoryOfVerified(String domain) {
        AdminClient admin = server.admin();
        String organizationId = admin.createOrganization("Acme " + UUID.randomUUID());
        admin.addVerifiedDomain(organizationId, domain);
        return admin.createDirectory(organizationId, "Okta", "okta");
    }

    private static String user(String email, boolean active) {
        return "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"" + email
                + "\",\"active\":" + active + ",\"emails\":[{\"value\":\"" + email + "\",\"primary\":true}]}";
    }

    private static String post(DirectoryAccess directory, String email) {
        HttpReply created = directory.scim().post("Users", user(email, true));
        assertEquals(201, created.status(), created::toString);
        return created.json().get("id").asText();
    }

    @Test
    void metricsNeedTheAdminTokenOnTheMainPort() {
        HttpReply anonymous = new Http(server.url()).get("/metrics");
        assertEquals(401, anonymous.status());
        assertEquals("unauthorized", anonymous.json().get("code").asText());
        HttpReply wrong = new Http(server.url()).bearer("not-the-admin-token").get("/metrics");
        assertEquals(401, wrong.status());
    }

    @Test
    void httpRequestsAreCountedByDirectoryProviderResourceMethodAndStatusWithBuckets() {
        DirectoryAccess directory = directoryOfVerified("http.example");
        String id = post(directory, "ana@http.example");
        assertEquals(200, directory.scim().get("Users/" + id).status());
        assertEquals(404, directory.scim().get("Users/" + UUID.randomUUID()).status());

        Scrape scrape = scrape();
        String dir = "directory=\"" + directory.id() + "\"";
        assertEquals(1, scrape.value("scimgate_http_server_requests_seconds_count", "api=\"scim\"", dir, "provider=\"okta\"",
                "resource=\"Users\"", "method=\"POST\"", "status=\"201\""));
        assertEquals(1, scrape.value("scimgate_http_server_requests_seconds_count", dir, "method=\"GET\"", "status=\"200\""));
        assertEquals(1, scrape.value("scimgate_http_server_requests_seconds_count", dir, "method=\"GET\"", "status=\"404\""));
        assertEquals(1, scrape.value("scimgate_http_server_requests_seconds_bucket", dir, "method=\"POST\"", "le=\"+Inf\""));
        assertTrue(scrape.samples("scimgate_http_server_requests_seconds_bucket", dir, "method=\"POST\"").size() >= 10,
                "latency histogram buckets");
        // The admin API is labelled by route template, never by a path with ids in it.
        assertTrue(scrape.value("scimgate_http_server_requests_seconds_count", "api=\"admin\"",
                "resource=\"/organizations/{organizationId}/domains/{domainId}/verify\"", "status=\"200\"") >= 1);
    }

    @Test
    void aDirectoryIdNoTokenVouchedForNeverBecomesALabel() {
        String madeUp = "made-up-" + UUID.randomUUID();
        HttpReply refused = new Http(server.url() + "/scim/v2/" + madeUp).bearer("nope").get("Users");
        assertEquals(401, refused.status());
        Scrape scrape = scrape();
        assertTrue(scrape.samples("scimgate_http_server_requests_seconds_count", madeUp).isEmpty());
        assertTrue(scrape.value("scimgate_http_server_requests_seconds_count", "api=\"scim\"", "directory=\"none\"",
                "resource=\"Users\"", "status=\"401\"") >= 1);
    }

    @Test
    void provisioningOutcomesAreCountedPerDirectory() {
        DirectoryAccess directory = directoryOfVerified("outcomes.example");
        String ana = post(directory, "ana@outcomes.example");
        post(directory, "gus@contractor.example");
        HttpReply deactivated = directory.scim().patch("Users/" + ana, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]}");
        assertEquals(200, deactivated.status(), deactivated::toString);
        String dir = "directory=\"" + directory.id() + "\"";
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Scrape scrape = scrape();
            assertEquals(1, scrape.value("scimgate_provisioning_outcomes_total", dir, "provider=\"okta\"", "outcome=\"created\""));
            assertEquals(1, scrape.value("scimgate_provisioning_outcomes_total", dir, "outcome=\"pending\""));
            assertEquals(1, scrape.value("scimgate_provisioning_outcomes_total", dir, "outcome=\"deprovisioned\""));
        });
        assertTrue(scrape().value("scimgate_events_total", "event=\"organization_membership.created\"") >= 2);
    }

    @Test
    void requestsOverTheBudgetAreCountedAs429s() {
        DirectoryAccess directory = directoryOfVerified("throttled.example");
        HttpReply limited = server.admin().http().patch("directories/" + directory.id(),
                "{\"rateLimit\":{\"requestsPerSecond\":1,\"burst\":1}}");
        assertEquals(200, limited.status(), limited::toString);
        int throttled = 0;
        for (int i = 0; i < 10; i++) {
            throttled += directory.scim().get("Users") .status() == 429 ? 1 : 0;
        }
        assertTrue(throttled > 0, "the budget of 1 a second held");
        Scrape scrape = scrape();
        assertEquals(throttled, scrape.value("scimgate_scim_throttled_total", "directory=\"" + directory.id() + "\""));
        assertEquals(throttled, scrape.value("scimgate_http_server_requests_seconds_count", "directory=\"" + directory.id() + "\"",
                "resource=\"Users\"", "status=\"429\""));
    }

    @Test
    void webhookDeliveriesAreCountedWithTheLagOfTheOldestUndeliveredEvent() {
        double delivered = scrape().value("scimgate_webhook_deliveries_total", "outcome=\"delivered\"");
        double retried = scrape().value("scimgate_webhook_deliveries_total", "outcome=\"retry\"");
        String organizationId = server.admin().createOrganization("Hooked " + UUID.randomUUID());
        HttpReply hook = server.admin().http().post("webhooks", "{\"url\":\"http://127.0.0.1:" + webhookReceiver.getAddress().getPort()
                + "/hook\",\"organizationId\":\"" + organizationId + "\"}");
        assertEquals(201, hook.status(), hook::toString);
        WEBHOOK_STATUS.set(200);
        server.admin().http().patch("organizations/" + organizationId, "{\"name\":\"Renamed " + UUID.randomUUID() + "\"}");
        await().atMost(Duration.ofSeconds(20)).until(() -> scrape().value("scimgate_webhook_deliveries_total",
                "outcome=\"delivered\"") > delivered);

        WEBHOOK_STATUS.set(500);
        try {
            server.admin().http().patch("organizations/" + organizationId, "{\"name\":\"Again " + UUID.randomUUID() + "\"}");
            await().atMost(Duration.ofSeconds(20)).until(() -> scrape().value("scimgate_webhook_deliveries_total",
                    "outcome=\"retry\"") > retried);
            await().atMost(Duration.ofSeconds(30)).until(() -> scrape().value("scimgate_webhook_oldest_undelivered_age_seconds") > 0);
        } finally {
            WEBHOOK_STATUS.set(200);
            server.admin().http().delete("webhooks/" + hook.json().get("webhook").get("id").asText());
        }
    }

    @Test
    void invitationDeliveriesAreCountedSentOrFailed() {
        DirectoryAccess directory = directoryOfVerified("invites.example");
        double sent = scrape().value("scimgate_invitation_deliveries_total", "outcome=\"sent\"");
        double failed = scrape().value("scimgate_invitation_deliveries_total", "outcome=\"failed\"");
        post(directory, "guest@elsewhere.example");
        post(directory, "unreachable@elsewhere.example");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            Scrape scrape = scrape();
            assertEquals(sent + 1, scrape.value("scimgate_invitation_deliveries_total", "outcome=\"sent\""));
            assertEquals(failed + 1, scrape.value("scimgate_invitation_deliveries_total", "outcome=\"failed\""));
        });
    }

    @Test
    void googleSyncRunsAreTimedByStatus() {
        AdminClient admin = server.admin();
        String organizationId = admin.createOrganization("Workspace " + UUID.randomUUID());
        DirectoryAccess google = admin.createDirectory(organizationId, "Google", "google");
        double failed = scrape().value("scimgate_google_sync_runs_seconds_count", "status=\"failed\"");
        // A key file that is not there: the run starts at once and fails, as a misconfigured one would.
        HttpReply configured = admin.http().put("directories/" + google.id() + "/google",
                "{\"adminEmail\":\"it@workspace.example\",\"serviceAccountKeyFile\":\"/nonexistent/" + UUID.randomUUID() + ".json\"}");
        assertTrue(configured.status() == 201 || configured.status() == 400, configured::toString);
        if (configured.status() == 201) {
            await().atMost(Duration.ofSeconds(60)).until(() -> scrape().value("scimgate_google_sync_runs_seconds_count",
                    "status=\"failed\"") > failed);
        }
        Scrape scrape = scrape();
        for (String status : new String[] {"succeeded", "partial", "failed"}) {
            assertTrue(scrape.has("scimgate_google_sync_runs_seconds_count"), "runs timer of " + status);
            assertEquals(1, scrape.samples("scimgate_google_sync_runs_seconds_count", "status=\"" + status + "\"").size());
        }
    }

    @Test
    void thePoolTheJvmAndTheProcessAreMeasured() {
        Scrape scrape = scrape();
        assertTrue(scrape.value("hikaricp_connections_max", "pool=\"scimgate\"") > 0, "HikariCP's binding");
        assertTrue(scrape.has("hikaricp_connections_acquire_seconds_count"));
        assertTrue(scrape.has("jvm_memory_used_bytes"));
        assertTrue(scrape.has("jvm_gc_pause_seconds_count") || scrape.has("jvm_gc_memory_allocated_bytes_total"));
        assertTrue(scrape.has("jvm_threads_live_threads"));
        assertTrue(scrape.value("process_uptime_seconds") > 0);
        assertTrue(scrape.has("process_cpu_usage"));
    }

    @Test
    void withAMetricsPortTheMetricsHaveTheirOwnListenerWithoutToken() {
        try (TestServer separate = TestServer.start(Map.of("SCIMGATE_METRICS_PORT", "0"))) {
            int port = separate.server().metrics().port().orElseThrow();
            assertNotEquals(separate.server().port(), port);
            HttpReply scraped = new Http("http://127.0.0.1:" + port).get("/metrics");
            assertEquals(200, scraped.status());
            assertTrue(new Scrape(scraped.body()).has("jvm_memory_used_bytes"));
            HttpReply mainPort = new Http(separate.url()).bearer(separate.adminToken()).get("/metrics");
            assertNotEquals(200, mainPort.status(), "not on the main port as well");
        }
    }
}
