package io.scimgate.server.scim;

import static io.scimgate.server.testing.ScimJson.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimgate.core.testing.TestDatabase;
import io.scimgate.core.testing.TestDatabases;
import io.scimgate.server.Main;
import io.scimgate.server.ScimgateServer;
import io.scimgate.server.testing.AdminClient;
import io.scimgate.server.testing.DirectoryAccess;
import io.scimgate.server.testing.Http;
import io.scimgate.server.testing.HttpReply;
import io.scimgate.server.testing.TestServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A 201 is a promise: the server process is killed with SIGKILL right after a burst of
 * acknowledged creates, and a new server on the same store must find every one of them.
 */
class DurabilityTest {

    private static final Pattern BASE_URL = Pattern.compile("SCIM base URL : (http://[^/]+)/scim/v2");
    private static final int WRITERS = 4;
    private static final int CREATES_PER_WRITER = 40;

    @Test
    void everyAcknowledgedCreateSurvivesKillMinus9() throws Exception {
        TestDatabase database = TestDatabases.create();
        String adminToken = "durability-admin";
        Process child = startServerProcess(database, adminToken);
        List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
        DirectoryAccess directory;
        try {
            String url = awaitBaseUrl(child);
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
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        }
        assertEquals(WRITERS * CREATES_PER_WRITER, acknowledged.size());

        try (ScimgateServer restarted = ScimgateServer.start(TestServer.config(database, adminToken))) {
            Http scim = new Http(restarted.baseUrl() + "/scim/v2/" + directory.id()).bearer(directory.token());
            for (String id : acknowledged) {
                assertEquals(200, scim.get("Users/" + id).status(), "lost acknowledged user " + id);
            }
            assertEquals(acknowledged.size(), scim.get("Users?count=0").json().get("totalResults").asInt());
        }
    }

    private static Process startServerProcess(TestDatabase database, String adminToken) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Main.class.getName())
                .redirectErrorStream(true);
        builder.environment().put("SCIMGATE_PORT", "0");
        builder.environment().put("SCIMGATE_BIND", "127.0.0.1");
        builder.environment().put("SCIMGATE_DB_URL", database.jdbcUrl());
        builder.environment().put("SCIMGATE_ADMIN_TOKEN", adminToken);
        builder.environment().remove("SCIMGATE_PUBLIC_URL");
        if (database.user() != null) {
            builder.environment().put("SCIMGATE_DB_USER", database.user());
            builder.environment().put("SCIMGATE_DB_PASSWORD", database.password());
        }
        return builder.start();
    }

    private static String awaitBaseUrl(Process child) throws Exception {
        BufferedReader output = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String line;
        while (System.nanoTime() < deadline && (line = output.readLine()) != null) {
            seen.append(line).append('\n');
            Matcher matcher = BASE_URL.matcher(line);
            if (matcher.find()) {
                Thread drain = new Thread(() -> output.lines().forEach(ignored -> { }));
                drain.setDaemon(true);
                drain.start();
                return matcher.group(1);
            }
        }
        throw new AssertionError("The server process did not start:\n" + seen);
    }
}
