package io.scimgate.conformance.suite;

import io.scimgate.conformance.http.AdminClient;
import java.util.Iterator;
import java.util.ServiceLoader;

/**
 * The scimgate under test: a deployed one named by {@code scimgate.url} and
 * {@code scimgate.adminToken} (system properties, which {@code ConformanceRunner}'s {@code --url}
 * and {@code --admin-token} set), or else the {@link LocalServer} this JVM can start (the module's
 * own test run provides one, on a fresh database of the store under test), shared by all
 * conformance tests.
 */
public final class ServerUnderTest {

    private static String url;
    private static String adminToken;

    private ServerUnderTest() {
    }

    public static synchronized String url() {
        start();
        return url;
    }

    public static synchronized AdminClient admin() {
        start();
        return new AdminClient(url, adminToken);
    }

    private static void start() {
        if (url != null) {
            return;
        }
        String deployed = System.getProperty("scimgate.url", "").trim();
        if (!deployed.isEmpty()) {
            adminToken = System.getProperty("scimgate.adminToken", "").trim();
            if (adminToken.isEmpty()) {
                throw new IllegalStateException("scimgate.url (--url) needs scimgate.adminToken (--admin-token) too");
            }
            url = deployed.endsWith("/") ? deployed.substring(0, deployed.length() - 1) : deployed;
            return;
        }
        Iterator<LocalServer> local = ServiceLoader.load(LocalServer.class).iterator();
        if (!local.hasNext()) {
            throw new IllegalStateException("No server to test: give the URL of a running scimgate and its admin token "
                    + "(--url and --admin-token, or -Dscimgate.url and -Dscimgate.adminToken)");
        }
        LocalServer server = local.next();
        url = server.url();
        adminToken = server.adminToken();
    }
}
