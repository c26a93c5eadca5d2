package io.scimgate.server.scim;

import static io.scimgate.server.testing.ScimJson.group;
import static io.scimgate.server.testing.ScimJson.patch;
import static io.scimgate.server.testing.ScimJson.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.server.http.RequestBudget;
import io.scimgate.server.scim.json.ResourceNormalizer;
import io.scimgate.server.scim.patch.DocumentPatcher;
import io.scimgate.server.scim.patch.PatchNormalizer;
import io.scimgate.server.scim.quirk.EveryClient;
import io.scimgate.server.scim.schema.ScimSchemas;
import io.scimgate.server.testing.DirectoryAccess;
import io.scimgate.server.testing.Http;
import io.scimgate.server.testing.HttpReply;
import io.scimgate.server.testing.RawHttp;
import io.scimgate.server.testing.TestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A request that runs out of its time budget gives up before it changes anything, so no request
 * holds a row lock past its deadline by more than one step; the server answers it and goes on.
 */
class RequestBudgetTest {

    private static TestServer spent;

    /** A server whose requests have spent their budget as soon as they start changing something. */
    @BeforeAll
    static void serverWithoutTime() {
        spent = TestServer.start(Map.of("SCIMGATE_REQUEST_BUDGET", "PT0.000000001S"));
    }

    @AfterAll
    static void stop() {
        spent.close();
    }

    @Test
    void aChangeThatWaitedPastItsBudgetIsRefusedWithRetryAfterAndChangesNothing() {
        DirectoryAccess directory = spent.newDirectory("generic");
        Http scim = directory.scim();
        String id = scim.post("Users", user("ana@x.example", "1")).json().get("id").asText();
        String groupId = scim.post("Groups", group("Eng", id)).json().get("id").asText();

        for (HttpReply refused : List.of(
                scim.patch("Users/" + id, patch("[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"Late\"}]")),
                scim.put("Users/" + id, user("ana@x.example", "2")),
                scim.patch("Groups/" + groupId, patch("[{\"op\":\"remove\",\"path\":\"members\"}]")))) {
            assertEquals(429, refused.status(), refused::toString);
            assertEquals("1", refused.header("Retry-After").orElseThrow());
            assertEquals("429", refused.json().get("status").asText());
        }
        JsonNode user = scim.get("Users/" + id).json();
        assertFalse(user.has("title"));
        assertEquals("1", user.get("externalId").asText());
        assertEquals("W/\"1\"", user.at("/meta/version").asText());
        assertEquals(1, scim.get("Groups/" + groupId).json().get("members").size());
    }

    @Test
    void aBodyThatStopsArrivingIsATimeoutAndChangesNothing() {
        patchWhoseBodyStopsAt("{\"Operations\":[", false);
    }

    @Test
    void aBodyAwaitedAfter100ContinueThatNeverComesIsATimeoutToo() {
        patchWhoseBodyStopsAt("", true);
    }

    /** A PATCH announcing 500 bytes of body that sends only {@code sent}: 408, the connection closed, nothing changed. */
    private static void patchWhoseBodyStopsAt(String sent, boolean expectContinue) {
        DirectoryAccess directory = spent.newDirectory("generic");
        String id = directory.scim().post("Users", user("ana@x.example", "1")).json().get("id").asText();
        String base = java.net.URI.create(directory.scimBaseUrl()).getRawPath();
        try (RawHttp http = RawHttp.connect(spent.url(), Duration.ofSeconds(20))) {
            RawHttp.Reply reply = http.exchange(("PATCH " + base + "/Users/" + id + " HTTP/1.1\r\nHost: " + http.host()
                    + "\r\nAuthorization: Bearer " + directory.token() + "\r\nContent-Type: application/scim+json\r\n"
                    + "Content-Length: 500\r\n" + (expectContinue ? "Expect: 100-continue\r\n" : "") + "\r\n" + sent)
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
            if (expectContinue) {
                assertEquals(100, reply.status(), reply::toString);
                reply = http.next();
            }
            assertEquals(408, reply.status(), reply::toString);
            assertTrue(reply.elapsed().compareTo(Duration.ofSeconds(10)) < 0, reply::toString);
            assertTrue(reply.contentType().startsWith("application/scim+json"), reply::toString);
            assertTrue(reply.body().contains("\"status\":\"408\""), reply::toString);
            assertTrue(http.closedWithin(Duration.ofSeconds(5)), "the connection is closed once answered, not kept for the rest of the body");
        }
        assertEquals("W/\"1\"", directory.scim().get("Users/" + id).json().at("/meta/version").asText());
    }

    @Test
    void aPatchWhoseOwnWorkOutlastsTheBudgetStopsBetweenOperations() {
        var registry = ScimSchemas.registry();
        ResourceNormalizer normalizer = new ResourceNormalizer(ScimSchemas.users(registry));
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.putArray("Operations").addObject().put("op", "replace").put("path", "title").put("value", "x");
        var operations = new PatchNormalizer(normalizer).normalize(body, EveryClient.TOLERANCES, List.of());
        ObjectNode document = JsonNodeFactory.instance.objectNode().put("userName", "ana@x.example");
        RequestBudget.start(Duration.ofNanos(1));
        try {
            RequestBudget.Exceeded exceeded = assertThrows(RequestBudget.Exceeded.class,
                    () -> new DocumentPatcher().apply(document, operations, EveryClient.TOLERANCES));
            assertFalse(exceeded.waited());
            var answer = ScimExceptionMappers.responseFor(exceeded);
            assertEquals(400, answer.getStatus());
            assertTrue(String.valueOf(answer.getEntity()).contains("\"scimType\":\"tooMany\""));
        } finally {
            RequestBudget.end();
        }
        assertFalse(document.has("title"), "the document given is never changed");
    }
}
