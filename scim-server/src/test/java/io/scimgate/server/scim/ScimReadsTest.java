package io.scimgate.server.scim;

import static io.scimgate.server.scim.ScimErrorsTest.assertScimError;
import static io.scimgate.server.testing.ScimJson.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.server.testing.HttpReply;
import io.scimgate.server.testing.ServerTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** attributes/excludedAttributes (RFC 7644 §3.9), conditional GETs, content types and input limits. */
class ScimReadsTest extends ServerTest {

    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private String id;

    @BeforeEach
    void ana() {
        HttpReply created = scim.post("Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","%s"],
                 "userName":"ana@corp.example","name":{"givenName":"Ana","familyName":"Lee"},"title":"Engineer",
                 "emails":[{"value":"ana@corp.example","type":"work","primary":true},{"value":"ana@home.example","type":"home"}],
                 "%s":{"employeeNumber":"42","department":"R&D"}}
                """.formatted(ENTERPRISE, ENTERPRISE));
        assertEquals(201, created.status(), created::toString);
        id = created.json().get("id").asText();
    }

    private JsonNode read(String query) {
        HttpReply reply = scim.get("Users/" + id + "?" + query);
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @Test
    void attributesReturnOnlyThoseWithIdAndSchemas() {
        JsonNode user = read("attributes=userName,name.givenName");
        assertEquals(id, user.get("id").asText());
        assertEquals("ana@corp.example", user.get("userName").asText());
        assertEquals("Ana", user.at("/name/givenName").asText());
        assertFalse(user.get("name").has("familyName"));
        assertFalse(user.has("title"));
        assertFalse(user.has("emails"));
        assertFalse(user.has(ENTERPRISE));
        assertEquals(1, user.get("schemas").size());
    }

    @Test
    void attributesWithValuePathsAndExtensions() {
        JsonNode work = read("attributes=" + encode("emails[type eq \"work\"].value," + ENTERPRISE + ":department"));
        assertEquals(1, work.get("emails").size());
        assertEquals("ana@corp.example", work.at("/emails/0/value").asText());
        assertFalse(work.at("/emails/0").has("type"));
        assertEquals("R&D", work.get(ENTERPRISE).get("department").asText());
        assertFalse(work.get(ENTERPRISE).has("employeeNumber"));
        assertEquals(2, work.get("schemas").size());
        JsonNode wholeExtension = read("attributes=" + encode(ENTERPRISE));
        assertEquals("42", wholeExtension.get(ENTERPRISE).get("employeeNumber").asText());
    }

    @Test
    void excludedAttributesRemoveThoseIncludingValuePathsButNeverId() {
        JsonNode user = read("excludedAttributes=" + encode("title,name.familyName,emails[type eq \"home\"],id," + ENTERPRISE));
        assertEquals(id, user.get("id").asText());
        assertFalse(user.has("title"));
        assertFalse(user.get("name").has("familyName"));
        assertEquals(1, user.get("emails").size());
        assertEquals("work", user.at("/emails/0/type").asText());
        assertFalse(user.has(ENTERPRISE));
        assertEquals(1, user.get("schemas").size());
    }

    @Test
    void listsAndWritesApplyAttributesToo() {
        HttpReply list = scim.get("Users?attributes=userName&filter=" + encode("userName eq \"ana@corp.example\""));
        JsonNode listed = list.json().at("/Resources/0");
        assertEquals("ana@corp.example", listed.get("userName").asText());
        assertFalse(listed.has("emails"));
        HttpReply created = scim.post("Users?excludedAttributes=emails", user("bo@corp.example", "b"));
        assertEquals(201, created.status());
        assertFalse(created.json().has("emails"));
    }

    @Test
    void ifNoneMatchAnswers304AndIfMatchOnGetIsChecked() {
        HttpReply same = scim.send("GET", "Users/" + id, null, Map.of("If-None-Match", "W/\"1\""));
        assertEquals(304, same.status());
        assertEquals("W/\"1\"", same.header("ETag").orElseThrow());
        assertTrue(same.body().isEmpty());
        assertEquals(304, scim.send("GET", "Users/" + id, null, Map.of("If-None-Match", "*")).status());
        assertEquals(200, scim.send("GET", "Users/" + id, null, Map.of("If-None-Match", "W/\"0\", \"7\"")).status());
        assertScimError(scim.send("GET", "Users/" + id, null, Map.of("If-Match", "W/\"3\"")), 412, null);
        assertEquals(200, scim.send("GET", "Users/" + id, null, Map.of("If-Match", "W/\"1\"")).status());
    }

    @Test
    void contentTypesAreNegotiated() {
        HttpReply json = scim.send("GET", "Users/" + id, null, Map.of("Accept", "application/json"));
        assertTrue(json.contentType().startsWith("application/json"), json.contentType());
        HttpReply scimJson = scim.send("GET", "Users/" + id, null, Map.of("Accept", "application/scim+json"));
        assertTrue(scimJson.contentType().startsWith("application/scim+json"), scimJson.contentType());
        HttpReply textJson = scim.send("POST", "Users", user("text@corp.example", "t"),
                Map.of("Content-Type", "text/json; charset=utf-8"));
        assertEquals(201, textJson.status(), textJson::toString);
    }

    @Test
    void inputLimitsAreEnforcedOverHttp() {
        assertScimError(scim.get("Users?filter=" + encode("userName eq \"" + "x".repeat(2100) + "\"")), 400, "invalidFilter");
        assertScimError(scim.get("Users?filter=" + encode("(".repeat(11) + "userName pr" + ")".repeat(11))), 400, "invalidFilter");
        String body = "{\"userName\":\"big@corp.example\",\"displayName\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        assertScimError(scim.post("Users", body), 413, null);
        assertScimError(scim.sendChunked("POST", "Users", body), 413, null);
        assertEquals(1, scim.get("Users?count=0").json().get("totalResults").asInt());
    }

    @Test
    void entraTestConnectionAndTheMisparsedValuePath() {
        JsonNode none = scim.get("Users?filter=" + encode("userName eq \"3f0c9a1e-random\"")).json();
        assertEquals(0, none.get("totalResults").asInt());
        assertEquals(0, none.get("Resources").size());
        assertEquals(1, scim.get("Users?filter=" + encode("emails[type eq \"work\"].value eq \"ana@corp.example\""))
                .json().get("totalResults").asInt());
        assertEquals(0, scim.get("Users?filter=" + encode("emails[type eq \"work\"].value eq \"ana@home.example\""))
                .json().get("totalResults").asInt());
        assertEquals(1, scim.get("Users?filter=userName+eq+%22ana@corp.example%22&aadOptscim062020&").json()
                .get("totalResults").asInt(), "+ for space, unknown parameters, a trailing &");
    }
}
