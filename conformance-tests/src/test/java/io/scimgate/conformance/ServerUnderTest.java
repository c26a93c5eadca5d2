package io.scimgate.conformance;

import io.scimgate.server.testing.AdminClient;
import io.scimgate.server.testing.TestServer;

/**
 * The scimgate under test: a deployed one named by {@code -Dscimgate.url} and
 * {@code -Dscimgate.adminToken}, or else one this JVM starts on a fresh database of the store
 * under test (H2, or PostgreSQL in the suite's second run), shared by all conformance tests.
 */
final class ServerUnderTest {

    private static String url;
    private static String adminToken;

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
        TestServer server = TestServer.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        url = server.url();
        adminToken = server.adminToken();
    }
}
