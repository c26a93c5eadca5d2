package io.scimgate.server.testing;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of HTTP tests: one server per test class on a fresh database, and a fresh organization and
 * directory per test so that tests never see each other's data.
 */
public abstract class ServerTest {

    protected static TestServer server;
    protected DirectoryAccess directory;
    protected Http scim;

    @BeforeAll
    static void startServer() {
        server = TestServer.start();
    }

    @AfterAll
    static void stopServer() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    @BeforeEach
    void newDirectory() {
        directory = server.newDirectory(provider());
        scim = directory.scim();
    }

    protected String provider() {
        return "generic";
    }
}
