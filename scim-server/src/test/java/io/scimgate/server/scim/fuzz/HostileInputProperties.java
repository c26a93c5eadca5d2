package io.scimgate.server.scim.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimgate.server.scim.fuzz.HostileRequests.HostileRequest;
import io.scimgate.server.testing.DirectoryAccess;
import io.scimgate.server.testing.Http;
import io.scimgate.server.testing.HttpReply;
import io.scimgate.server.testing.RawHttp;
import io.scimgate.server.testing.ScimJson;
import io.scimgate.server.testing.TestServer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Hostile input over HTTP against a real server on the store under test, from seeded generators
 * ({@link HostileRequests}): for every request, an answer within two seconds, never a 5xx, every
 * error a SCIM error body as {@code application/scim+json}, nothing changed by a refused request, and
 * the server answering normal requests afterwards. The normal run is 2,000 requests from a fixed
 * seed ({@code junit-platform.properties}); README's "Fuzzing" says how to run longer.
 */
class HostileInputProperties {

    private static final Duration PROMPT = Duration.ofSeconds(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    private static TestServer server;
    private static DirectoryAccess directory;
    private static Http scim;
    private static String base;
    private static String userId;
    private static String groupId;

    @BeforeContainer
    static void start() {
        server = TestServer.start();
        directory = server.newDirectory("generic");
        scim = directory.scim();
        base = URI.create(directory.scimBaseUrl()).getRawPath();
        // The request budget per second is not what is under test here.
        server.admin().http().patch("directories/" + directory.id(),
                "{\"rateLimit\":{\"requestsPerSecond\":1000000,\"burst\":1000000}}");
    }

    @AfterContainer
    static void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Property(seed = "20261130")
    void aHostileRequestIsAnsweredPromptlyWithoutA5xxAndARefusalChangesNothing(@ForAll("hostile") HostileRequest request) {
        ensureTargets();
        String userBefore = version("Users/" + userId);
        String groupBefore = version("Groups/" + groupId);

        RawHttp.Reply reply;
        try (RawHttp http = RawHttp.connect(server.url(), Duration.ofSeconds(10))) {
            reply = http.exchange(wire(request, http.host()));
        }

        assertNotEquals(-1, reply.status(), () -> "no answer to " + request);
        assertTrue(reply.elapsed().compareTo(PROMPT) < 0, () -> "answered in " + reply.elapsed() + ": " + request);
        assertTrue(reply.status() < 500, () -> reply + " for " + request);
        if (reply.status() >= 400) {
            assertScimError(reply, request);
            assertEquals(userBefore, version("Users/" + userId), () -> "a refused request changed the user: " + request);
            assertEquals(groupBefore, version("Groups/" + groupId), () -> "a refused request changed the group: " + request);
        }
        HttpReply after = scim.get("Users?count=0");
        assertEquals(200, after.status(), () -> "the server stopped answering after " + request);
    }

    @Provide
    Arbitrary<HostileRequest> hostile() {
        return HostileRequests.any();
    }

    /** A user and a group to aim at, created again when a request deleted them. */
    private static void ensureTargets() {
        if (userId == null || scim.get("Users/" + userId).status() == 404) {
            HttpReply created = scim.post("Users", ScimJson.user("target-" + System.nanoTime() + "@fuzz.example", "t"));
            userId = created.json().get("id").asText();
        }
        if (groupId == null || scim.get("Groups/" + groupId).status() == 404) {
            groupId = scim.post("Groups", ScimJson.group("target-" + System.nanoTime(), userId)).json().get("id").asText();
        }
    }

    /** The version of a resource, or "gone". */
    private static String version(String path) {
        HttpReply reply = scim.get(path + "?attributes=id");
        return reply.status() == 200 ? reply.header("ETag").orElse("none") : "gone";
    }

    private static byte[] wire(HostileRequest request, String host) {
        String target = request.target().replace("{base}", base).replace("{user}", userId).replace("{group}", groupId);
        byte[] body = request.body() == null ? null : new String(request.body(), StandardCharsets.UTF_8)
                .replace("{user}", userId).getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + directory.token());
        headers.putAll(request.headers());
        return RawHttp.request(request.method(), target, headers, body, host);
    }

    private static void assertScimError(RawHttp.Reply reply, HostileRequest request) {
        if (request.method().equals("HEAD")) {
            return;
        }
        assertTrue(reply.contentType().startsWith("application/scim+json") || reply.contentType().startsWith("application/json"),
                () -> reply + " for " + request);
        JsonNode error;
        try {
            error = JSON.readTree(reply.body());
        } catch (Exception e) {
            throw new AssertionError("not a JSON error body: " + reply + " for " + request, e);
        }
        assertEquals(ScimJson.ERROR_SCHEMA, error.at("/schemas/0").asText(), () -> reply + " for " + request);
        assertEquals(String.valueOf(reply.status()), error.path("status").asText(), () -> reply + " for " + request);
        assertFalse(error.path("detail").asText().isBlank(), () -> reply + " for " + request);
        assertFalse(reply.body().contains("Exception") || reply.body().contains("at org.") || reply.body().contains("REDACTED"),
                () -> reply + " for " + request);
    }
}
