package io.scimgate.server.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimgate.server.testing.Http;
import io.scimgate.server.testing.HttpReply;
import io.scimgate.server.testing.ServerTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The console's files over plain HTTP: what is served, with which headers, and what is not. */
class ConsoleHttpTest extends ServerTest {

    private Http site() {
        return new Http(server.url());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/console/", "/console/app.js", "/console/console.css", "/console/nothing-here.js"})
    void consoleAnswersCarrySecurityHeaders(String path) {
        HttpReply reply = site().get(path);
        String policy = reply.header("Content-Security-Policy").orElseThrow();
        assertTrue(policy.contains("script-src 'self'"), policy);
        assertFalse(policy.contains("unsafe-inline"), policy);
        assertFalse(policy.contains("unsafe-eval"), policy);
        assertTrue(policy.contains("frame-ancestors 'none'"), policy);
        assertEquals("DENY", reply.header("X-Frame-Options").orElseThrow());
        assertEquals("no-referrer", reply.header("Referrer-Policy").orElseThrow());
        assertEquals("nosniff", reply.header("X-Content-Type-Options").orElseThrow());
    }

    @Test
    void consoleIsServedFromTheJarWithItsContentTypes() {
        HttpReply page = site().get("/console/");
        assertEquals(200, page.status());
        assertTrue(page.contentType().startsWith("text/html"), page.contentType());
        assertTrue(page.body().contains("<script type=\"module\" src=\"app.js\"></script>"), page.body());
        HttpReply script = site().get("/console/app.js");
        assertEquals(200, script.status());
        assertTrue(script.contentType().startsWith("text/javascript"), script.contentType());
        assertEquals(200, site().get("/console/console.css").status());
    }

    @Test
    void consoleWithoutTrailingSlashRedirectsSoRelativeLinksResolve() {
        HttpReply reply = site().get("/console");
        assertEquals(301, reply.status());
        assertEquals("/console/", reply.header("Location").orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/console/logback.xml",
            "/console/sub/app.js", "/console/io/scimgate/server/cli/Main.class",
            "/console/APP.JS", "/console/.hidden.js"})
    void nothingOutsideTheConsoleFilesIsServed(String path) {
        HttpReply reply = site().get(path);
        assertEquals(404, reply.status(), () -> path + " answered " + reply.status());
        assertFalse(reply.body().contains("<configuration"), reply.body());
    }

    /** Dot segments and encoded slashes are refused by the front door, before any handler, on every path. */
    @ParameterizedTest
    @ValueSource(strings = {"/console/../logback.xml", "/console/%2e%2e/logback.xml", "/console/..%2flogback.xml"})
    void dotSegmentsAndEncodedSlashesReachNoFile(String path) {
        HttpReply reply = site().get(path);
        assertEquals(400, reply.status(), () -> path + " answered " + reply);
        assertFalse(reply.body().contains("<configuration"), reply.body());
    }

    @Test
    void consoleFilesAreReadOnly() {
        HttpReply reply = site().post("/console/app.js", "x");
        assertEquals(405, reply.status());
        assertEquals("GET, HEAD", reply.header("Allow").orElseThrow());
    }

    /** A page on another origin must not be able to call the SCIM or admin API from a browser. */
    @Test
    void scimAndAdminRoutesAnswerNoCors() {
        String origin = "https://evil.example";
        Map<String, String> preflight = Map.of("Origin", origin, "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "authorization,content-type");
        List<HttpReply> replies = List.of(
                scim.send("OPTIONS", "Users", null, preflight),
                scim.send("GET", "Users", null, Map.of("Origin", origin)),
                server.admin().http().send("OPTIONS", "organizations", null, preflight),
                server.admin().http().send("GET", "organizations", null, Map.of("Origin", origin)),
                site().send("GET", "/console/", null, Map.of("Origin", origin)));
        for (HttpReply reply : replies) {
            reply.headers().map().keySet().forEach(name -> assertFalse(
                    name.toLowerCase().startsWith("access-control-"), () -> "CORS header " + name + " in " + reply));
        }
        assertEquals(200, replies.get(1).status(), "the SCIM API itself works: " + replies.get(1));
        assertEquals(200, replies.get(3).status(), "the admin API itself works: " + replies.get(3));
    }
}
