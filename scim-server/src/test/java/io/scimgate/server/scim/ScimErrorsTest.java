package io.scimgate.server.scim;

import static io.scimgate.server.testing.ScimJson.patch;
import static io.scimgate.server.testing.ScimJson.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.server.testing.HttpReply;
import io.scimgate.server.testing.ScimJson;
import io.scimgate.server.testing.ServerTest;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every failure is a SCIM error body with the right status, and nothing half-written stays. */
class ScimErrorsTest extends ServerTest {

    /** Asserts an RFC 7644 §3.12 error: Error schema, status as a string, scimType, a detail, no stack trace. */
    static JsonNode assertScimError(HttpReply reply, int status, String scimType) {
        assertEquals(status, reply.status(), reply::toString);
        assertTrue(reply.contentType().startsWith("application/scim+json"), reply.contentType());
        JsonNode error = reply.json();
        assertEquals(ScimJson.ERROR_SCHEMA, error.at("/schemas/0").asText());
        assertTrue(error.get("status").isTextual(), "status must be a JSON string");
        assertEquals(String.valueOf(status), error.get("status").asText());
        if (scimType == null) {
            assertFalse(error.has("scimType"), reply::toString);
        } else {
            assertEquals(scimType, error.path("scimType").asText(), reply::toString);
        }
        assertFalse(error.path("detail").asText().isBlank(), "detail must say what is wrong");
        assertFalse(reply.body().contains("\tat "), "no stack trace");
        assertFalse(reply.body().contains("Exception"), "no exception names");
        assertFalse(reply.body().contains("org.apache") || reply.body().contains("java.lang"), "no class names");
        return error;
    }

    private int userCount() {
        return scim.get("Users?count=0").json().get("totalResults").asInt();
    }

    static Stream<Arguments> malformedBodies() {
        return Stream.of(
                Arguments.of("truncated JSON", "{\"userName\": "),
                Arguments.of("not JSON", "userName=ana"),
                Arguments.of("a JSON array", "[{\"userName\":\"ana@x.example\"}]"),
                Arguments.of("a JSON string", "\"ana\""),
                Arguments.of("trailing garbage", "{\"userName\":\"ana@x.example\"}}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedBodies")
    void malformedJsonIsInvalidSyntax(String description, String body) {
        assertScimError(scim.post("Users", body), 400, "invalidSyntax");
        assertEquals(0, userCount());
    }

    @Test
    void aValueOfTheWrongTypeIsInvalidValueNamingTheAttribute() {
        JsonNode error = assertScimError(scim.post("Users", "{\"userName\":\"ana@x.example\",\"active\":\"perhaps\"}"),
                400, "invalidValue");
        assertTrue(error.get("detail").asText().contains("active"), error::toString);
        assertScimError(scim.post("Users", "{\"userName\":[\"ana@x.example\"]}"), 400, "invalidValue");
        assertScimError(scim.post("Users", "{\"userName\":\"ana@x.example\",\"name\":\"Ana\"}"), 400, "invalidValue");
        assertEquals(0, userCount());
    }

    @Test
    void anEmptyBodyIsInvalidSyntax() {
        assertScimError(scim.send("POST", "Users", "", Map.of()), 400, "invalidSyntax");
    }

    @Test
    void aMissingUserNameIsRefused() {
        JsonNode error = assertScimError(scim.post("Users", "{\"name\":{\"givenName\":\"Ana\"}}"), 400, "invalidValue");
        assertTrue(error.get("detail").asText().contains("userName"));
        assertScimError(scim.post("Users", "{\"userName\":\"   \"}"), 400, "invalidValue");
        assertEquals(0, userCount());
    }

    @Test
    void aDuplicateUserNameIsAUniquenessConflict() {
        assertEquals(201, scim.post("Users", user("ana@x.example", "1")).status());
        assertScimError(scim.post("Users", user("ANA@X.example", "2")), 409, "uniqueness");
        assertEquals(1, userCount());
    }

    @Test
    void aRenameOntoAnotherUsersNameIsAConflictAndChangesNothing() {
        assertEquals(201, scim.post("Users", user("ana@x.example", "1")).status());
        String bo = scim.post("Users", user("bo@x.example", "2")).json().get("id").asText();
        assertScimError(scim.put("Users/" + bo, user("Ana@x.example", "2")), 409, "uniqueness");
        assertScimError(scim.patch("Users/" + bo, patch("[{\"op\":\"replace\",\"path\":\"userName\",\"value\":\"ana@X.example\"}]")),
                409, "uniqueness");
        JsonNode unchanged = scim.get("Users/" + bo).json();
        assertEquals("bo@x.example", unchanged.get("userName").asText());
        assertEquals("W/\"1\"", unchanged.at("/meta/version").asText());
    }

    @Test
    void unknownIdsAreNotFoundForEveryMethod() {
        String missing = "Users/6a1c3b5e-0000-4000-8000-000000000000";
        assertScimError(scim.get(missing), 404, null);
        assertScimError(scim.put(missing, user("x@x.example", "x")), 404, null);
        assertScimError(scim.patch(missing, patch("[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]")), 404, null);
        assertScimError(scim.delete(missing), 404, null);
        assertEquals(0, userCount());
    }

    @Test
    void unsupportedMethodsAreNotAllowed() {
        String id = scim.post("Users", user("ana@x.example", "1")).json().get("id").asText();
        assertScimError(scim.delete("Users"), 405, null);
        assertScimError(scim.put("Users", user("ana@x.example", "1")), 405, null);
        assertScimError(scim.post("Users/" + id, user("ana@x.example", "1")), 405, null);
        assertScimError(scim.post("ServiceProviderConfig", "{}"), 405, null);
        assertEquals(1, userCount());
    }

    @Test
    void unknownEndpointsAreNotFound() {
        assertScimError(scim.get("Nothing"), 404, null);
    }

    @Test
    void anUnsupportedFilterAttributeIsInvalidFilterNamingIt() {
        JsonNode error = assertScimError(scim.get("Users?filter=nickName%20eq%20%22x%22"), 400, "invalidFilter");
        assertTrue(error.get("detail").asText().contains("nickName"), error::toString);
    }

    @Test
    void anUnparsableFilterIsInvalidFilter() {
        assertScimError(scim.get("Users?filter=userName%20equals%20%22x%22"), 400, "invalidFilter");
        assertScimError(scim.get("Users?filter=%28userName%20eq%20%22x%22"), 400, "invalidFilter");
    }

    @Test
    void aNonNumericPagingParameterIsInvalid() {
        assertScimError(scim.get("Users?count=ten"), 400, "invalidValue");
    }

    @Test
    void aFailedPatchLeavesTheUserUnchanged() {
        String id = scim.post("Users", user("ana@x.example", "1")).json().get("id").asText();
        HttpReply refused = scim.patch("Users/" + id, patch("""
                [{"op":"replace","path":"title","value":"Changed"},
                 {"op":"replace","path":"id","value":"hijack"}]
                """));
        assertEquals(400, refused.status(), refused::toString);
        JsonNode user = scim.get("Users/" + id).json();
        assertFalse(user.has("title"));
        assertEquals(id, user.get("id").asText());
        assertEquals("W/\"1\"", user.at("/meta/version").asText());
    }

    @Test
    void anEmptyPatchIsInvalid() {
        String id = scim.post("Users", user("ana@x.example", "1")).json().get("id").asText();
        assertScimError(scim.patch("Users/" + id, patch("[]")), 400, "invalidValue");
    }

    @Test
    void anUnsupportedContentTypeIsRefused() {
        HttpReply reply = scim.send("POST", "Users", "<user/>", Map.of("Content-Type", "application/xml"));
        assertScimError(reply, 415, null);
        assertEquals(0, userCount());
    }

    @Test
    void errorsFollowContentNegotiation() {
        HttpReply reply = scim.send("GET", "Users/missing", null, Map.of("Accept", "application/json"));
        assertEquals(404, reply.status());
        assertTrue(reply.contentType().startsWith("application/json"), reply.contentType());
        assertEquals(ScimJson.ERROR_SCHEMA, reply.json().at("/schemas/0").asText());
    }
}
