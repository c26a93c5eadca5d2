package io.scimgate.conformance;

import io.scimgate.conformance.suite.LocalServer;
import io.scimgate.core.testing.google.FakeAdminSdk;
import io.scimgate.core.testing.google.FakeWorkspace;
import io.scimgate.core.testing.google.TestServiceAccount;
import io.scimgate.server.testing.TestServer;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * The scimgate the module's own test run starts for the conformance suite when no deployed one is
 * named: one per JVM, on a fresh database of the store under test (H2, or PostgreSQL in the
 * suite's second run), with its tables in a schema of their own. It syncs Google directories from a fake Admin SDK on loopback
 * ({@link #localGoogle()}), never from Google.
 */
public final class StartedServer implements LocalServer {

    /** The Workspace admin the fake lets the test service account act as (domain-wide delegation). */
    private static final String GOOGLE_ADMIN = "it-admin@workspace.example";

    private static Started started;

    /**
     * The fake Google the local server's Google endpoints point at: its Admin SDK (with token
     * endpoint), the Workspace it serves, and the service account and admin it accepts. Each test
     * adds the Google users it needs and removes them afterwards.
     */
    record LocalGoogle(FakeAdminSdk api, FakeWorkspace workspace, TestServiceAccount account, String adminEmail) {
    }

    private record Started(String url, String adminToken, LocalGoogle google) {
    }

    @Override
    public String url() {
        return started().url();
    }

    @Override
    public String adminToken() {
        return started().adminToken();
    }

    /** The fake Google of the server this JVM started; empty when the suite tests a deployed server, which cannot reach it. */
    static synchronized Optional<LocalGoogle> localGoogle() {
        return System.getProperty("scimgate.url", "").isBlank() ? Optional.of(started().google()) : Optional.empty();
    }

    private static synchronized Started started() {
        if (started == null) {
            FakeWorkspace workspace = new FakeWorkspace();
            TestServiceAccount account = TestServiceAccount.create();
            FakeAdminSdk api = new FakeAdminSdk(workspace, account, GOOGLE_ADMIN, Clock.systemUTC());
            TestServer server = TestServer.start(Map.of(
                    "SCIMGATE_GOOGLE_TOKEN_URL", api.tokenUrl().toString(),
                    "SCIMGATE_GOOGLE_API_URL", api.apiBaseUrl().toString(),
                    "SCIMGATE_SECRET_KEY", randomSecretKey(),
                    // The whole suite also proves a store in a schema of its own (README: The store's schema).
                    "SCIMGATE_DB_SCHEMA", "scim_store"));
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                api.close();
            }));
            started = new Started(server.url(), server.adminToken(), new LocalGoogle(api, workspace, account, GOOGLE_ADMIN));
        }
        return started;
    }

    /** Lets the server store service-account keys encrypted, as an operator's would. */
    private static String randomSecretKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
