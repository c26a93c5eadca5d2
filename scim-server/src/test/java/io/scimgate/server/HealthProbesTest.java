package io.scimgate.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.scimgate.core.CoreInternals;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.scimgate.core.store.Migrations;
import io.scimgate.core.store.StoreSchema;
import io.scimgate.server.testing.Http;
import io.scimgate.server.testing.HttpReply;
import io.scimgate.server.testing.ServerTest;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.junit.jupiter.api.Test;

/** /health/live and /health/ready: no token, no data, and ready only when the store and the workers are. */
class HealthProbesTest extends ServerTest {

    private static Http probes() {
        return new Http(server.url() + "/health");
    }

    @Test
    void livenessAndReadinessAnswerWithoutATokenAndExposeNoData() {
        HttpReply live = probes().get("live");
        assertEquals(200, live.status(), live::toString);
        assertEquals("{\"status\":\"live\"}", live.body());

        HttpReply ready = probes().get("ready");
        assertEquals(200, ready.status(), ready::toString);
        assertEquals("{\"status\":\"ready\",\"checks\":{\"database\":\"ok\",\"migrations\":\"ok\",\"domainChecks\":\"ok\","
                + "\"googleSync\":\"ok\",\"invitationOutbox\":\"ok\",\"provisioningLog\":\"ok\",\"sortHistory\":\"ok\","
                + "\"webhooks\":\"ok\"}}",
                ready.body().replace("\"instanceHeartbeat\":\"ok\",", ""));
        assertFalse(ready.body().contains(directory.id()) || ready.body().contains("jdbc"), ready.body());
        assertEquals("no-store", ready.header("Cache-Control").orElse(""));

        assertEquals(200, new Http(server.url()).get("health").status(), "the older /health stays, as readiness");
    }

    @Test
    void aStoreMissingThisCodesNewestMigrationIsNotReady() throws Exception {
        String newest = Migrations.latestVersion(CoreInternals.database(server.server().core()).dataSource(), StoreSchema.CURRENT);
        try (Connection connection = CoreInternals.database(server.server().core()).dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE \"scimgate_schema_history\" SET \"success\" = false WHERE \"version\" = '" + newest + "'");
            HttpReply ready = probes().get("ready");
            assertEquals(503, ready.status(), ready::toString);
            assertEquals("{\"status\":\"unavailable\",\"checks\":{\"database\":\"ok\",\"migrations\":\"failing\"",
                    ready.body().substring(0, ready.body().indexOf(",\"domainChecks\"")));
        } finally {
            try (Connection connection = CoreInternals.database(server.server().core()).dataSource().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.executeUpdate("UPDATE \"scimgate_schema_history\" SET \"success\" = true WHERE \"version\" = '" + newest + "'");
            }
        }
        assertEquals(200, probes().get("ready").status());
    }

    @Test
    void aStoppedWorkerMakesTheInstanceNotReadyButStillLive() {
        try (TestServerWithStoppedWebhooks stopped = new TestServerWithStoppedWebhooks()) {
            HttpReply ready = stopped.probes().get("ready");
            assertEquals(503, ready.status(), ready::toString);
            assertEquals(true, ready.body().contains("\"webhooks\":\"failing\""), ready.body());
            assertEquals(200, stopped.probes().get("live").status());
        }
    }

    @Test
    void anUnreachableStoreIsNotReadyAndTheProbeStillAnswersPromptly() throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:postgresql://127.0.0.1:1/nothing");
        config.setInitializationFailTimeout(-1);
        config.setConnectionTimeout(30_000);
        try (HikariDataSource unreachable = new HikariDataSource(config)) {
            HttpServer http = new HttpServer();
            http.addListener(new NetworkListener("probe", "127.0.0.1", 0));
            http.getServerConfiguration().addHttpHandler(HealthHandler.readiness(unreachable, StoreSchema.CURRENT, "1", Map.of(), () -> false),
                    "/health/ready");
            http.start();
            try {
                long started = System.nanoTime();
                HttpReply ready = new Http("http://127.0.0.1:" + http.getListeners().iterator().next().getPort()).get("health/ready");
                assertEquals(503, ready.status(), ready::toString);
                assertEquals("{\"status\":\"unavailable\",\"checks\":{\"database\":\"failing\",\"migrations\":\"failing\"}}",
                        ready.body());
                assertEquals(true, System.nanoTime() - started < 10_000_000_000L, "answers within its own bound, not the pool's 30 s");
            } finally {
                http.shutdownNow();
            }
        }
    }

    /** A second server on a fresh store whose webhook dispatcher has stopped, as if its thread had died. */
    private static final class TestServerWithStoppedWebhooks implements AutoCloseable {
        private final io.scimgate.server.testing.TestServer server = io.scimgate.server.testing.TestServer.start();

        TestServerWithStoppedWebhooks() {
            server.server().core().webhookDispatcher().close();
        }

        Http probes() {
            return new Http(server.url() + "/health");
        }

        @Override
        public void close() {
            server.close();
        }
    }
}
