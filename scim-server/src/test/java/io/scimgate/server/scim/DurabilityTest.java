package io.scimgate.server.scim;

import static io.scimgate.server.testing.ScimJson.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimgate.core.events.Event;
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
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A 201 is a promise: the server process is killed with SIGKILL right after a burst of
 * acknowledged creates, and a new server on the same store must find every one of them, and the
 * feed each one's {@code dsync.user.created} once (RULES.md P25: events the killed process committed
 * but had not published yet are published by the next start).
 */
class DurabilityTest {

    private static final int WRITERS = 4;
    private static final int CREATES_PER_WRITER = 40;

    /** The users of the feed's {@code dsync.user.created} events, each checked to be there once, once {@code expected} are. */
    private static Set<String> createdInTheFeed(ScimgateServer server, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            Set<String> created = new TreeSet<>();
            long after = 0;
            for (List<Event> page; !(page = server.core().events().list(after, 100, List.of("dsync.user.created"), null)).isEmpty(); ) {
                for (Event event : page) {
                    assertTrue(created.add(event.data().get("id").asText()), "in the feed twice: " + event);
                }
                after = page.get(page.size() - 1).id();
            }
            if (created.size() >= expected || System.nanoTime() > deadline) {
                return created;
            }
            Thread.sleep(100);
        }
    }

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
            assertEquals(new TreeSet<>(acknowledged), createdInTheFeed(restarted, acknowledged.size()));
        }
    }
}
