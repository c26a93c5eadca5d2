package io.scimgate.server.scim;

import static io.scimgate.server.testing.ScimJson.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimgate.server.testing.RawHttp;
import io.scimgate.server.testing.ScimJson;
import io.scimgate.server.testing.ServerTest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Requests no IdP should send, byte for byte over a socket: every answer is an error body of the API
 * the request was for, never a 5xx, never an HTML page, in well under two seconds, and nothing changes.
 */
class HostileRequestsTest extends ServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PROMPT = Duration.ofSeconds(2);

    private String id;
    private String base;

    @BeforeEach
    void aUser() {
        id = scim.post("Users", user("ana@x.example", "1")).json().get("id").asText();
        base = URI.create(directory.scimBaseUrl()).getRawPath();
    }

    private RawHttp connect() {
        return RawHttp.connect(server.url(), Duration.ofSeconds(10));
    }

    private Map<String, String> auth(String... more) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", "Bearer " + directory.token());
        for (int i = 0; i < more.length; i += 2) {
            headers.put(more[i], more[i + 1]);
        }
        return headers;
    }

    private static String repeat(String text, int times) {
        return text.repeat(times);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Rows: a description, the method, the target after the directory's base path ({id} for the user), headers, body, status. */
    static Stream<Arguments> hostileRequests() {
        String json = "application/scim+json";
        String patch1001 = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":["
                + repeat("{\"op\":\"replace\",\"path\":\"title\",\"value\":\"x\"},", 1000)
                + "{\"op\":\"replace\",\"path\":\"title\",\"value\":\"x\"}]}";
        return Stream.of(
                Arguments.of("filter with a bad escape", "GET", "/Users?filter=%zz", null, null, 400),
                Arguments.of("filter with a lone %", "GET", "/Users?filter=%", null, null, 400),
                Arguments.of("startIndex with a bad escape", "GET", "/Users?startIndex=%zz", null, null, 400),
                Arguments.of("NUL after the id", "GET", "/Users/{id}%00", null, null, 400),
                Arguments.of("bytes that are not UTF-8", "GET", "/Users/%ff%fe", null, null, 400),
                Arguments.of("DELETE of a NUL", "DELETE", "/Users/%00", null, null, 400),
                Arguments.of("PATCH of ..", "PATCH", "/Users/..", json, "{}", 400),
                Arguments.of("PATCH of ..%2FGroups", "PATCH", "/Users/..%2FGroups", json, "{}", 400),
                Arguments.of("a .. after the id", "GET", "/Users/{id}/..", null, null, 400),
                Arguments.of("an encoded .. after the id", "GET", "/Users/{id}/%2e%2E", null, null, 400),
                Arguments.of("a raw | in the path", "GET", "/Users/a|b", null, null, 400),
                Arguments.of("a raw backslash in the path", "GET", "/Users/a\\b", null, null, 400),
                Arguments.of("NUL in a query value", "GET", "/Users?filter=userName%20eq%20%22a%00%22", null, null, 400),
                Arguments.of("Content-Type that is no media type", "POST", "/Users", "a/b/c;;;=", "{}", 415),
                Arguments.of("Content-Type text/html", "POST", "/Users", "text/html", "<p>", 415),
                Arguments.of("a filter of 10,000 characters", "GET",
                        "/Users?filter=" + encode("userName eq \"" + repeat("x", 10_000) + "\""), null, null, 400),
                Arguments.of("a filter nested 1,000 deep", "GET",
                        "/Users?filter=" + encode(repeat("(", 1000) + "userName eq \"x\"" + repeat(")", 1000)), null, null, 400),
                Arguments.of("3,000 attribute names", "GET", "/Users?attributes=" + repeat("nickName,", 3000) + "title", null,
                        null, 400),
                Arguments.of("one attribute name of 20,000 characters", "GET", "/Users?excludedAttributes=" + repeat("a", 20_000),
                        null, null, 400),
                Arguments.of("a URL over the request head's limit", "GET", "/Users?filter=" + repeat("a", 40_000), null, null, 414),
                Arguments.of("a body on GET", "GET", "/Users", json, "{\"userName\":\"x\"}", 400),
                Arguments.of("a body nested 100 deep", "POST", "/Users", json,
                        repeat("{\"a\":", 100) + "1" + repeat("}", 100), 400),
                Arguments.of("a number of 5,000 digits", "POST", "/Users", json, "{\"userName\":\"n@x.example\",\"x\":"
                        + repeat("9", 5000) + "}", 400),
                Arguments.of("a PATCH of 1,001 operations", "PATCH", "/Users/{id}", json, patch1001, 413),
                Arguments.of("a PATCH setting a NUL userName", "PATCH", "/Users/{id}", json,
                        "{\"Operations\":[{\"op\":\"add\",\"path\":\"userName\",\"value\":\"\\u0000\"}]}", 400),
                Arguments.of("a PUT with a NUL inside a value", "PUT", "/Users/{id}", json,
                        "{\"userName\":\"ana@x.example\",\"title\":\"a\\u0000b\"}", 400),
                Arguments.of("a POST with a NUL in an extension's key", "POST", "/Users", json,
                        "{\"userName\":\"n@x.example\",\"urn:ietf:params:scim:schemas:extension:C:2.0:User\":{\"a\\u0000\":\"x\"}}", 400),
                Arguments.of("a PATCH with an unpaired surrogate", "PATCH", "/Users/{id}", json,
                        "{\"Operations\":[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"\\ud800x\"}]}", 400),
                Arguments.of("a bulk operation with a NUL", "POST", "/Bulk", json,
                        "{\"Operations\":[{\"method\":\"PATCH\",\"path\":\"/Users/{id}\",\"data\":{\"Operations\":"
                        + "[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"\\u0000\"}]}}]}", 400),
                Arguments.of("a filter comparing with an escaped NUL", "GET",
                        "/Users?filter=" + encode("userName eq \"a\\u0000\""), null, null, 400),
                Arguments.of("a filter comparing with an escaped unpaired surrogate", "GET",
                        "/Users?filter=" + encode("title sw \"\\udc00\""), null, null, 400),
                Arguments.of("a search whose filter escapes a NUL", "POST", "/.search", json,
                        "{\"filter\":\"emails[value eq \\\"\\\\u0000\\\"]\"}", 400),
                Arguments.of("a search for a NUL", "POST", "/Users/.search", json,
                        "{\"filter\":\"userName eq \\\"\\u0000\\\"\"}", 400),
                Arguments.of("DELETE of a schema", "DELETE", "/Schemas/urn:ietf:params:scim:schemas:core:2.0:User", null, null,
                        405),
                Arguments.of("DELETE of the resource types", "DELETE", "/ResourceTypes", null, null, 405),
                Arguments.of("PUT on the service provider config", "PUT", "/ServiceProviderConfig", json, "{}", 405));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileRequests")
    void hostileRequestsGetAnErrorBodyPromptlyAndChangeNothing(String description, String method, String target,
            String contentType, String body, int status) {
        String before = scim.get("Users/" + id).json().at("/meta/version").asText();
        Map<String, String> headers = contentType == null ? auth() : auth("Content-Type", contentType);
        try (RawHttp http = connect()) {
            RawHttp.Reply reply = http.exchange(RawHttp.request(method, base + target.replace("{id}", id), headers,
                    body == null ? null : body.replace("{id}", id).getBytes(StandardCharsets.UTF_8), http.host()));
            assertScimError(reply, status);
            assertTrue(reply.elapsed().compareTo(PROMPT) < 0, "answered in " + reply.elapsed());
        }
        assertEquals(before, scim.get("Users/" + id).json().at("/meta/version").asText(), "nothing changed");
        assertEquals(200, scim.get("Users?count=0").status(), "the server still answers");
    }

    /** Framing Grizzly itself refuses: answered by the HTTP layer, in the SCIM error shape too. */
    static Stream<Arguments> brokenHttp() {
        return Stream.of(
                Arguments.of("a request line without spaces", "HELLO\r\n\r\n", 400),
                Arguments.of("a header line without a colon", "GET {base}/Users HTTP/1.1\r\nHost: x\r\nNo colon here\r\n\r\n", 400),
                Arguments.of("an HTTP version not spoken", "GET {base}/Users HTTP/9.9\r\nHost: x\r\n\r\n", 400),
                Arguments.of("a raw space in the URL", "GET {base}/Users/a b HTTP/1.1\r\nHost: x\r\n\r\n", 400),
                Arguments.of("HTTP/1.1 without Host", "GET {base}/Users HTTP/1.1\r\n\r\n", 400),
                Arguments.of("two Content-Lengths", "POST {base}/Users HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n"
                        + "Content-Length: 3\r\n\r\n{}", 400),
                Arguments.of("broken chunked framing", "POST {base}/Users HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n", 400),
                Arguments.of("headers over the limit", "GET {base}/Users HTTP/1.1\r\nHost: x\r\nX-Big: " + repeat("a", 40_000)
                        + "\r\n\r\n", 431),
                Arguments.of("CONNECT", "CONNECT {base}/ResourceTypes HTTP/1.1\r\nHost: x\r\n\r\n", 405),
                Arguments.of("an unsupported Transfer-Encoding", "POST {base}/Users HTTP/1.1\r\nHost: x\r\n"
                        + "Content-Type: application/json\r\nTransfer-Encoding: gzip\r\nContent-Length: 2\r\n\r\n{}", 400),
                Arguments.of("both Transfer-Encoding and Content-Length", "POST {base}/Users HTTP/1.1\r\nHost: x\r\n"
                        + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n"
                        + "2\r\n{}\r\n0\r\n\r\n", 400),
                Arguments.of("HTTP/2's preface", "PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n", 400),
                Arguments.of("binary garbage", new String(new byte[] {0, 1, 2, (byte) 0xff, '\r', '\n', '\r', '\n'},
                        StandardCharsets.ISO_8859_1), 400));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenHttp")
    void brokenHttpIsAnsweredWithAnErrorBody(String description, String request, int status) {
        try (RawHttp http = connect()) {
            RawHttp.Reply reply = http.exchange(request.replace("{base}", base).getBytes(StandardCharsets.ISO_8859_1));
            assertScimError(reply, status);
            assertTrue(reply.elapsed().compareTo(PROMPT) < 0, "answered in " + reply.elapsed());
        }
        assertEquals(200, scim.get("Users?count=0").status(), "the server still answers");
    }

    @Test
    void aBadRequestKeepsTheConnectionForTheNextOne() {
        try (RawHttp http = connect()) {
            RawHttp.Reply bad = http.exchange(RawHttp.request("POST", base + "/Users", auth("Content-Type", "application/json"),
                    "{\"userName\":".getBytes(StandardCharsets.UTF_8), http.host()));
            assertScimError(bad, 400);
            assertFalse(bad.closed(), "a 400 does not close the connection: " + bad.headers());
            RawHttp.Reply next = http.exchange(RawHttp.request("GET", base + "/Users/" + id, auth(), null, http.host()));
            assertEquals(200, next.status(), next::toString);
            RawHttp.Reply badFilter = http.exchange(RawHttp.request("GET", base + "/Users?filter=" + encode("userName zz 1"),
                    auth(), null, http.host()));
            assertScimError(badFilter, 400);
            assertFalse(badFilter.closed());
            assertEquals(200, http.exchange(RawHttp.request("GET", base + "/Users?count=0", auth(), null, http.host())).status());
        }
    }

    @Test
    void anAcceptHeaderThatCannotBeReadIsTakenAsNone() {
        for (String accept : new String[] {"a/b/c;;;=", "application/json;q=x", "application/json;q=2", ""}) {
            try (RawHttp http = connect()) {
                RawHttp.Reply reply = http.exchange(RawHttp.request("GET", base + "/Users/" + id, auth("Accept", accept), null,
                        http.host()));
                assertEquals(200, reply.status(), accept + ": " + reply);
                assertTrue(reply.contentType().startsWith("application/scim+json"), reply::toString);
            }
        }
    }

    @Test
    void adminPathsGetTheAdminErrorShape() {
        try (RawHttp http = connect()) {
            RawHttp.Reply reply = http.exchange(RawHttp.request("GET", "/admin/v1/organizations/%zz",
                    Map.of("Authorization", "Bearer " + server.adminToken()), null, http.host()));
            assertEquals(400, reply.status(), reply::toString);
            assertTrue(reply.contentType().startsWith("application/json"), reply.contentType());
            JsonNode error = json(reply);
            assertEquals("bad_request", error.get("code").asText());
            assertFalse(error.get("message").asText().isBlank());
        }
    }

    @Test
    void pathsOutsideTheApisAreNotFoundWithAnErrorBody() {
        try (RawHttp http = connect()) {
            assertScimError(http.exchange(RawHttp.request("GET", "/nothing/here", Map.of(), null, http.host())), 404);
        }
    }

    @Test
    void theOperationLimitIsAnnouncedAndAPatchAtTheLimitIsApplied() {
        JsonNode config = scim.get("ServiceProviderConfig").json();
        assertEquals(1000, config.at("/patch/maxOperations").asInt());
        StringBuilder operations = new StringBuilder();
        for (int i = 0; i < 1000; i++) {
            operations.append(i == 0 ? "" : ",").append("{\"op\":\"replace\",\"path\":\"title\",\"value\":\"t").append(i).append("\"}");
        }
        assertEquals(200, scim.patch("Users/" + id, ScimJson.patch("[" + operations + "]")).status());
        assertEquals("t999", scim.get("Users/" + id).json().get("title").asText());
    }

    private static JsonNode json(RawHttp.Reply reply) {
        try {
            return JSON.readTree(reply.body());
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + reply, e);
        }
    }

    /** An RFC 7644 §3.12 error with the status, as application/scim+json, without internals. */
    private static void assertScimError(RawHttp.Reply reply, int status) {
        assertEquals(status, reply.status(), reply::toString);
        assertTrue(reply.contentType().startsWith("application/scim+json"), reply::toString);
        JsonNode error = json(reply);
        assertEquals(ScimJson.ERROR_SCHEMA, error.at("/schemas/0").asText(), reply::toString);
        assertEquals(String.valueOf(status), error.get("status").asText());
        assertFalse(error.path("detail").asText().isBlank(), reply::toString);
        assertFalse(reply.body().contains("Exception") || reply.body().contains("org.") || reply.body().contains("REDACTED")
                || reply.body().contains("StreamReadConstraints"), reply::toString);
    }
}
