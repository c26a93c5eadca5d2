package io.scimgate.conformance;

import io.scimgate.core.testing.google.FakeAdminSdk;
import io.scimgate.core.testing.google.FakeWorkspace;
import io.scimgate.core.testing.google.TestServiceAccount;
import io.scimgate.server.testing.AdminClient;
import io.scimgate.server.testing.TestServer;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * The scimgate under test: a deployed one named by {@code -Dscimgate.url} and
 * {@code -Dscimgate.adminToken}, or else one this JVM starts on a fresh database of the store
 * under test (H2, or PostgreSQL in the suite's second run), shared by all conformance tests.
 * A server started here syncs Google directories from a fake Admin SDK on loopback
 * ({@link #localGoogle()}), never from Google.
 */
final class ServerUnderTest {

    /** The Workspace admin the fake lets the test service account act as (domain-wide delegation). */
    private static final String GOOGLE_ADMIN = "it-admin@workspace.example";

    private static String url;
    private static String adminToken;
    private static LocalGoogle google;

    /**
     * The fake Google the local server's Google endpoints point at: its Admin SDK (with token
     * endpoint), the Workspace it serves, and the service account and admin it accepts. One per
     * JVM; each test adds the Google users it needs and removes them afterwards.
     */
    record LocalGoogle(FakeAdminSdk api, FakeWorkspace workspace, TestServiceAccount account, String adminEmail) {
    }

    private ServerUnderTest() {
    }

    static synchronized String url() {
        start();
        return url;
    }

    static synchronized AdminClient admin() {
        start();
        return new AdminClient(url, adminToken);
    }

    /** The fake Google of the server this JVM started; empty for a deployed server, which cannot reach it. */
    static synchronized Optional<LocalGoogle> localGoogle() {
        start();
        return Optional.ofNullable(google);
    }

    private static void start() {
        if (url != null) {
            return;
        }
        String deployed = System.getProperty("scimgate.url", "").trim();
        if (!deployed.isEmpty()) {
            url = deployed.endsWith("/") ? deployed.substring(0, deployed.length() - 1) : deployed;
            adminToken = System.getProperty("scimgate.adminToken", "").trim();
            if (adminToken.isEmpty()) {
                throw new IllegalStateException("-Dscimgate.url needs -Dscimgate.adminToken too");
            }
            return;
        }
        FakeWorkspace workspace = new FakeWorkspace();
        TestServiceAccount account = TestServiceAccount.create();
        FakeAdminSdk api = new FakeAdminSdk(workspace, account, GOOGLE_ADMIN);
        TestServer server = TestServer.start(Map.of(
                "SCIMGATE_GOOGLE_TOKEN_URL", api.tokenUrl().toString(),
                "SCIMGATE_GOOGLE_API_URL", api.apiBaseUrl().toString(),
                "SCIMGATE_SECRET_KEY", randomSecretKey()));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            api.close();
        }));
        url = server.url();
        adminToken = server.adminToken();
        google = new LocalGoogle(api, workspace, account, GOOGLE_ADMIN);
    }

    /** Lets the server store service-account keys encrypted, as an operator's would. */
    private static String randomSecretKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
