package io.scimgate.server.testing;

import io.scimgate.core.ProvisioningCore;
import io.scimgate.core.testing.TestDatabase;
import io.scimgate.core.testing.TestDatabases;
import io.scimgate.server.ScimgateServer;
import io.scimgate.server.ServerConfig;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/** A real scimgate on a random loopback port, on a fresh database of the store under test. */
public final class TestServer implements AutoCloseable {

    static {
        // Grizzly and Jersey log through java.util.logging; route them to the test logback set-up.
        org.slf4j.bridge.SLF4JBridgeHandler.removeHandlersForRootLogger();
        org.slf4j.bridge.SLF4JBridgeHandler.install();
    }

    private final TestDatabase database;
    private final String adminToken;
    private final Map<String, String> extraEnvironment;
    private final UnaryOperator<ProvisioningCore.Builder> customise;
    private ScimgateServer server;

    private TestServer(TestDatabase database, Map<String, String> extraEnvironment,
            UnaryOperator<ProvisioningCore.Builder> customise) {
        this.database = database;
        this.adminToken = "test-admin-" + UUID.randomUUID();
        this.extraEnvironment = Map.copyOf(extraEnvironment);
        this.customise = customise;
    }

    public static TestServer start() {
        return start(Map.of(), UnaryOperator.identity());
    }

    /** A server whose core also has the given hooks (session revoker, invitation sender, listeners). */
    public static TestServer start(UnaryOperator<ProvisioningCore.Builder> customise) {
        return start(Map.of(), customise);
    }

    /** A server with further environment variables, e.g. {@code SCIMGATE_GOOGLE_TOKEN_URL}. */
    public static TestServer start(Map<String, String> extraEnvironment) {
        return start(extraEnvironment, UnaryOperator.identity());
    }

    public static TestServer start(Map<String, String> extraEnvironment, UnaryOperator<ProvisioningCore.Builder> customise) {
        TestServer test = new TestServer(TestDatabases.create(), extraEnvironment, customise);
        test.restart();
        return test;
    }

    /** Starts (again) on the same database, as after an operator's restart. */
    public void restart() {
        stop();
        Map<String, String> env = new HashMap<>(environment(database, adminToken));
        env.putAll(extraEnvironment);
        server = ScimgateServer.start(ServerConfig.from(env), customise);
    }

    public static ServerConfig config(TestDatabase database, String adminToken) {
        return ServerConfig.from(environment(database, adminToken));
    }

    private static Map<String, String> environment(TestDatabase database, String adminToken) {
        Map<String, String> env = new HashMap<>();
        env.put("SCIMGATE_PORT", "0");
        env.put("SCIMGATE_BIND", "127.0.0.1");
        env.put("SCIMGATE_DB_URL", database.jdbcUrl());
        if (database.user() != null) {
            env.put("SCIMGATE_DB_USER", database.user());
        }
        if (database.password() != null) {
            env.put("SCIMGATE_DB_PASSWORD", database.password());
        }
        if (adminToken != null) {
            env.put("SCIMGATE_ADMIN_TOKEN", adminToken);
        }
        return env;
    }

    public String url() {
        return server.baseUrl();
    }

    public ScimgateServer server() {
        return server;
    }

    public TestDatabase database() {
        return database;
    }

    public String adminToken() {
        return adminToken;
    }

    public AdminClient admin() {
        return new AdminClient(url(), adminToken);
    }

    /** A new organization with a new directory of {@code provider}. */
    public DirectoryAccess newDirectory(String provider) {
        AdminClient admin = admin();
        String organizationId = admin.createOrganization("Org " + UUID.randomUUID());
        return admin.createDirectory(organizationId, provider + " directory", provider);
    }

    public void stop() {
        if (server != null) {
            // Tests keep HTTP connections alive; waiting for them to go idle only slows the suite.
            server.close(java.time.Duration.ofMillis(100));
            server = null;
        }
    }

    @Override
    public void close() {
        stop();
    }
}
