package io.scimgate.server.lifecycle;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimgate.core.testing.TestDatabase;
import io.scimgate.core.testing.TestDatabases;
import io.scimgate.server.ScimgateServer;
import io.scimgate.server.testing.AdminClient;
import io.scimgate.server.testing.DirectoryAccess;
import io.scimgate.server.testing.Http;
import io.scimgate.server.testing.ScimJson;
import io.scimgate.server.testing.ScimgateProcess;
import io.scimgate.server.testing.TestServer;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM during load, on the jar the build made: every request either completed (its answer
 * arrived and what it wrote is in the store) or was never accepted (it failed to reach the
 * server, and nothing of it is in the store). A large bulk request that the server has begun to
 * apply when the signal arrives finishes.
 */
class GracefulShutdownIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN_TOKEN = "shutdown-admin";
    private static final int WRITERS = 4;
    private static final int MAX_REQUESTS_PER_WRITER = 3000;
    private static final int BULK_OPERATIONS = 300;

    private final TestDatabase database = TestDatabases.create();

    /** One request: the user it tried to create, and its HTTP status, or -1 when it got no answer. */
    record Outcome(String userName, int status, String failure) {
    }

    @AfterEach
    void dropDatabase() {
        TestDatabases.drop(database);
    }

    @Test
    void onSigtermEveryRequestEitherCompletesOrWasNeverAccepted() throws Exception {
        Map<String, String> environment = ScimgateProcess.environment(database, ADMIN_TOKEN);
        environment.put("SCIMGATE_RATE_LIMIT", "100000");
        environment.put("SCIMGATE_RATE_BURST", "100000");
        environment.put("SCIMGATE_SHUTDOWN_GRACE", "120s");
        List<Outcome> outcomes = Collections.synchronizedList(new ArrayList<>());
        AtomicLong terminatedAt = new AtomicLong(Long.MAX_VALUE);
        DirectoryAccess directory;
        JsonNode bulkResults;
        long bulkAnsweredAt;
        try (ScimgateProcess scimgate = ScimgateProcess.jar(ScimgateProcess.builtJar(), environment)) {
            String url = scimgate.awaitBaseUrl();
            AdminClient admin = new AdminClient(url, ADMIN_TOKEN);
            directory = admin.createDirectory(admin.createOrganization("Shutdown"), "Okta", "okta");

            ExecutorService clients = Executors.newFixedThreadPool(WRITERS + 1);
            CountDownLatch loaded = new CountDownLatch(WRITERS * 5);
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(clients.submit(() -> write(directory, writer, outcomes, loaded)));
            }
            assertTrue(loaded.await(60, TimeUnit.SECONDS), "the writers got going");
            Future<HttpResponse<String>> bulk = clients.submit(() -> sendBulk(directory));
            Http scim = directory.scim();
            String bulkUsers = "Users?count=0&filter=" + URLEncoder.encode("userName sw \"bulk-\"", StandardCharsets.UTF_8);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
                    .until(() -> scim.get(bulkUsers).json().get("totalResults").asInt() > 0);
            terminatedAt.set(System.nanoTime());
            scimgate.terminate();

            HttpResponse<String> bulkResponse;
            try {
                bulkResponse = bulk.get(180, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                scimgate.awaitExit(180);
                throw new AssertionError("the bulk request in flight got no answer, "
                        + TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - terminatedAt.get()) + " s after SIGTERM:\n"
                        + scimgate.output().replaceAll("(?m)^.*LoggingInvitationSender.*\n", ""), e);
            }
            bulkAnsweredAt = System.nanoTime();
            assertEquals(200, bulkResponse.statusCode(), bulkResponse::body);
            bulkResults = JSON.readTree(bulkResponse.body()).get("Operations");
            for (Future<?> writer : writers) {
                writer.get(120, TimeUnit.SECONDS);
            }
            clients.shutdown();
            int exitCode = scimgate.awaitExit(120);
            assertTrue(exitCode == 0 || exitCode == 143, () -> "exit code " + exitCode + ":\n" + scimgate.output());
            assertTrue(scimgate.output().contains("scimgate stopped"), scimgate::output);
        }

        assertTrue(bulkAnsweredAt > terminatedAt.get(), "the bulk request was still in flight when SIGTERM came");
        assertEquals(BULK_OPERATIONS, bulkResults.size());
        for (JsonNode result : bulkResults) {
            assertEquals("201", result.get("status").asText(), result::toString);
        }
        List<Outcome> answered = outcomes.stream().filter(outcome -> outcome.status() == 201).toList();
        // Refused: no answer (the connection was refused or closed before the request was read),
        // or, for a request that came on an open connection after SIGTERM, 503 from Grizzly
        // before anything is read, and the connection closes.
        List<Outcome> refused = outcomes.stream().filter(outcome -> outcome.status() != 201).toList();
        assertTrue(refused.stream().allMatch(outcome -> outcome.status() == -1 || outcome.status() == 503),
                () -> "answers other than 201, 503 or none: " + refused);
        assertTrue(refused.stream().filter(outcome -> outcome.status() == -1).count() >= WRITERS,
                "each writer ran until the server stopped taking connections");

        try (ScimgateServer restarted = ScimgateServer.start(TestServer.config(database, ADMIN_TOKEN))) {
            Http scim = new Http(restarted.baseUrl() + "/scim/v2/" + directory.id()).bearer(directory.token());
            assertEquals(answered.size() + BULK_OPERATIONS, scim.get("Users?count=0").json().get("totalResults").asInt(),
                    "exactly the acknowledged users are in the store");
            for (Outcome outcome : refused) {
                String filter = URLEncoder.encode("userName eq \"" + outcome.userName() + "\"", StandardCharsets.UTF_8);
                assertEquals(0, scim.get("Users?filter=" + filter).json().get("totalResults").asInt(),
                        () -> "a refused request was applied: " + outcome);
            }
        }
    }

    /** Creates users until the server stops taking connections (three failures in a row), or a bound. */
    private static void write(DirectoryAccess directory, int writer, List<Outcome> outcomes, CountDownLatch loaded) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        int failuresInARow = 0;
        for (int i = 0; i < MAX_REQUESTS_PER_WRITER && failuresInARow < 3; i++) {
            String userName = "w" + writer + "-" + i + "@shutdown.example";
            try {
                HttpResponse<String> response = client.send(post(directory, "Users", ScimJson.user(userName, "e" + writer + "-" + i)),
                        HttpResponse.BodyHandlers.ofString());
                outcomes.add(new Outcome(userName, response.statusCode(), null));
                failuresInARow = 0;
                loaded.countDown();
            } catch (IOException e) {
                outcomes.add(new Outcome(userName, -1, e.toString()));
                failuresInARow++;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static HttpResponse<String> sendBulk(DirectoryAccess directory) throws IOException, InterruptedException {
        StringBuilder operations = new StringBuilder();
        for (int i = 0; i < BULK_OPERATIONS; i++) {
            operations.append(i == 0 ? "" : ",").append("{\"method\":\"POST\",\"path\":\"/Users\",\"bulkId\":\"b").append(i)
                    .append("\",\"data\":{\"userName\":\"bulk-").append(i).append("@shutdown.example\"}}");
        }
        String body = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:BulkRequest\"],\"Operations\":[" + operations + "]}";
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return client.send(post(directory, "Bulk", body), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest post(DirectoryAccess directory, String path, String body) {
        return HttpRequest.newBuilder(URI.create(directory.scimBaseUrl() + "/" + path))
                .timeout(Duration.ofSeconds(90))
                .header("Authorization", "Bearer " + directory.token())
                .header("Content-Type", "application/scim+json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
    }
}
