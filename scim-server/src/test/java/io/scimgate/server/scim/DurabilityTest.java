package io.scimgate.server.scim;

import static io.scimgate.server.testing.ScimJson.user;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.scimgate.core.testing.TestDatabase;
import io.scimgate.core.testing.TestDatabases;
import io.scimgate.server.ScimgateServer;
import io.scimgate.server.ServerConfig;
import io.scimgate.server.testing.AdminClient;
import io.scimgate.server.testing.DirectoryAccess;
import io.scimgate.server.testing.Http;
import io.scimgate.server.testing.HttpReply;
import io.scimgate.server.testing.ScimgateProcess;
import io.scimgate.server.testing.TestServer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A 201 is a promise: the server process is killed with SIGKILL right after a burst of
 * acknowledged creates, and a new server on the same store must find every one of them.
 */
class DurabilityTest {

    private static final int WRITERS = 4;
    private static final int CREATES_PER_WRITER = 40;

    @Test
    void everyAcknowledgedCreateSurvivesKillMinus9() throws Exception {
        TestDatabase database = TestDatabases.create();
        String adminToken = "durability-admin";
        ScimgateProcess child = ScimgateProcess.classpath(ScimgateProcess.environment(database, adminToken));
        List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
        DirectoryAccess directory;
        try {
            String url = child.awaitBaseUrl();
            AdminClient admin = new AdminClient(url, adminToken);
            directory = admin.createDirectory(admin.createOrganization("Durable"), "Okta", "okta");
            Http scim = directory.scim();
            ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
            List<Future<?>> done = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                done.add(writers.submit(() -> {
                    for (int i = 0; i < CREATES_PER_WRITER; i++) {
                        HttpReply reply = scim.post("Users", user("w" + writer + "-" + i + "@durable.example", "e" + i));
                        assertEquals(201, reply.status(), reply::toString);
                        acknowledged.add(reply.json().get("id").asText());
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get(120, TimeUnit.SECONDS);
            }
            writers.shutdown();
        } finally {
            child.kill();
            child.awaitExit(30);
        }
        assertEquals(WRITERS * CREATES_PER_WRITER, acknowledged.size());

        // On PostgreSQL the killed process's heartbeat counts as a live instance for up to 15 s,
        // halving each directory's request budget; reading every user back must not hit it.
        ServerConfig restartConfig = TestServer.config(database, adminToken)
                .with(ServerConfig.RATE_LIMIT, 100_000).with(ServerConfig.RATE_BURST, 100_000);
        try (ScimgateServer restarted = ScimgateServer.start(restartConfig)) {
            Http scim = new Http(restarted.baseUrl() + "/scim/v2/" + directory.id()).bearer(directory.token());
            for (String id : acknowledged) {
                assertEquals(200, scim.get("Users/" + id).status(), "lost acknowledged user " + id);
            }
            assertEquals(acknowledged.size(), scim.get("Users?count=0").json().get("totalResults").asInt());
        }
    }
}
