package io.scimgate.server.scim;

import static io.scimgate.server.testing.ScimJson.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimgate.server.testing.HttpReply;
import io.scimgate.server.testing.RawHttp;
import io.scimgate.server.testing.RawHttp.Reply;
import io.scimgate.server.testing.ScimJson;
import io.scimgate.server.testing.ServerTest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How SCIM answers are framed on the wire, now that Jersey no longer buffers them to count their
 * bytes: an answer that fits in the server's output buffer goes out whole with its Content-Length, a
 * longer one chunked; HEAD and 304 carry no body; errors keep their length. Several exchanges share
 * one connection, so a wrongly framed answer would break the next one.
 */
class ResponseFramingTest extends ServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** More users than one page of them fits in Grizzly's 8 KiB output buffer. */
    private static final int USERS = 30;

    private String id;
    private String etag;

    @BeforeEach
    void ana() {
        HttpReply created = scim.post("Users", user("ana@corp.example", "ana"));
        assertEquals(201, created.status(), created::toString);
        id = created.json().get("id").asText();
        etag = created.header("ETag").orElseThrow();
    }

    @Test
    void aUserGoesOutWholeWithItsContentLength() throws Exception {
        try (RawHttp http = connect()) {
            for (int i = 0; i < 2; i++) {
                Reply reply = exchange(http, "GET", "Users/" + id, Map.of());
                assertEquals(200, reply.status(), reply::toString);
                assertEquals(String.valueOf(reply.body().getBytes(StandardCharsets.UTF_8).length),
                        reply.headers().get("content-length"), reply::toString);
                assertFalse(reply.headers().containsKey("transfer-encoding"), reply::toString);
                assertEquals(etag, reply.headers().get("etag"));
                JsonNode user = JSON.readTree(reply.body());
                assertEquals(id, user.get("id").asText());
                assertEquals(etag, user.at("/meta/version").asText());
            }
        }
    }

    @Test
    void aPageLongerThanTheOutputBufferGoesOutChunkedAndWhole() throws Exception {
        for (int i = 1; i < USERS; i++) {
            assertEquals(201, scim.post("Users", user("user" + i + "@corp.example", "u" + i)).status());
        }
        try (RawHttp http = connect()) {
            Reply page = exchange(http, "GET", "Users?count=100", Map.of());
            assertEquals(200, page.status(), page::toString);
            assertEquals("chunked", page.headers().get("transfer-encoding"), page.headers()::toString);
            JsonNode list = JSON.readTree(page.body());
            assertEquals(ScimJson.LIST_SCHEMA, list.at("/schemas/0").asText());
            assertEquals(USERS, list.get("totalResults").asInt());
            assertEquals(USERS, list.get("Resources").size());
            Reply next = exchange(http, "GET", "Users/" + id, Map.of());
            assertEquals(200, next.status(), next::toString);
            assertEquals(id, JSON.readTree(next.body()).get("id").asText());
        }
    }

    @Test
    void headAnswersTheHeadersOfGetWithoutABody() throws Exception {
        try (RawHttp http = connect()) {
            Reply get = exchange(http, "GET", "Users/" + id, Map.of());
            Reply head = exchange(http, "HEAD", "Users/" + id, Map.of());
            assertEquals(200, head.status(), head::toString);
            assertEquals(etag, head.headers().get("etag"));
            assertTrue(head.contentType().startsWith("application/scim+json"), head::toString);
            String length = head.headers().get("content-length");
            assertTrue(length == null || length.equals(get.headers().get("content-length")),
                    () -> "HEAD's Content-Length " + length + " is not GET's: " + get.headers());
            Reply after = exchange(http, "GET", "Users/" + id, Map.of());
            assertEquals(200, after.status(), after::toString);
            assertEquals(get.body(), after.body());
        }
    }

    @Test
    void notModifiedAndErrorsAreFramedOnTheSameConnection() throws Exception {
        try (RawHttp http = connect()) {
            Reply notModified = exchange(http, "GET", "Users/" + id, Map.of("If-None-Match", etag));
            assertEquals(304, notModified.status(), notModified::toString);
            assertEquals(etag, notModified.headers().get("etag"));
            Reply missing = exchange(http, "GET", "Users/no-such-user", Map.of());
            assertEquals(404, missing.status(), missing::toString);
            assertEquals(String.valueOf(missing.body().getBytes(StandardCharsets.UTF_8).length),
                    missing.headers().get("content-length"), missing::toString);
            JsonNode error = JSON.readTree(missing.body());
            assertEquals(ScimJson.ERROR_SCHEMA, error.at("/schemas/0").asText());
            assertEquals("404", error.get("status").asText());
            Reply after = exchange(http, "GET", "Users/" + id, Map.of());
            assertEquals(200, after.status(), after::toString);
            assertEquals(id, JSON.readTree(after.body()).get("id").asText());
        }
    }

    private static RawHttp connect() {
        return RawHttp.connect(server.url(), Duration.ofSeconds(10));
    }

    private Reply exchange(RawHttp http, String method, String path, Map<String, String> headers) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Authorization", "Bearer " + directory.token());
        all.putAll(headers);
        String target = URI.create(directory.scimBaseUrl()).getPath() + "/" + path;
        return http.exchange(RawHttp.request(method, target, all, null, http.host()));
    }
}
