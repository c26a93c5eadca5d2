package io.scimgate.server.scim;

import static io.scimgate.server.scim.ScimErrorsTest.assertScimError;
import static io.scimgate.server.testing.ScimJson.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimgate.server.testing.DirectoryAccess;
import io.scimgate.server.testing.Http;
import io.scimgate.server.testing.HttpReply;
import io.scimgate.server.testing.ServerTest;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A SCIM request needs a live bearer token of the directory in its URL; anything else is 401. */
class ScimAuthenticationTest extends ServerTest {

    static Stream<Arguments> badCredentials() {
        return Stream.<Arguments>of(
                Arguments.of("no Authorization header", (Function<DirectoryAccess, String>) d -> null),
                Arguments.of("empty header", (Function<DirectoryAccess, String>) d -> ""),
                Arguments.of("Bearer without token", (Function<DirectoryAccess, String>) d -> "Bearer "),
                Arguments.of("Basic credentials", (Function<DirectoryAccess, String>) d -> "Basic " + d.token()),
                Arguments.of("token without scheme", (Function<DirectoryAccess, String>) d -> d.token()),
                Arguments.of("unknown token", (Function<DirectoryAccess, String>) d -> "Bearer sgd_unknown"),
                Arguments.of("truncated token", (Function<DirectoryAccess, String>) d -> "Bearer " + d.token().substring(0, 20)),
                Arguments.of("admin token", (Function<DirectoryAccess, String>) d -> "Bearer " + server.adminToken()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCredentials")
    void badCredentialsGet401AndReadOrWriteNothing(String description, Function<DirectoryAccess, String> header) {
        String existing = scim.post("Users", user("ana@x.example", "1")).json().get("id").asText();
        Http caller = new Http(directory.scimBaseUrl()).withHeader("Authorization", header.apply(directory));

        HttpReply read = caller.get("Users/" + existing);
        assertScimError(read, 401, null);
        assertTrue(read.header("WWW-Authenticate").orElse("").startsWith("Bearer"));
        assertScimError(caller.get("Users"), 401, null);
        assertScimError(caller.post("Users", user("eve@x.example", "2")), 401, null);
        assertScimError(caller.delete("Users/" + existing), 401, null);

        assertEquals(1, scim.get("Users?count=0").json().get("totalResults").asInt());
        assertEquals(200, scim.get("Users/" + existing).status());
    }

    @Test
    void anotherDirectorysTokenOpensNothingHere() {
        DirectoryAccess other = server.newDirectory("okta");
        String mine = scim.post("Users", user("ana@x.example", "1")).json().get("id").asText();
        Http intruder = new Http(directory.scimBaseUrl()).bearer(other.token());
        assertScimError(intruder.get("Users/" + mine), 401, null);
        assertScimError(intruder.post("Users", user("eve@x.example", "2")), 401, null);
        assertEquals(1, scim.get("Users?count=0").json().get("totalResults").asInt());
    }

    @Test
    void P5_aDirectoryCannotReachAnotherDirectorysUsersById() {
        DirectoryAccess other = server.newDirectory("okta");
        String theirs = other.scim().post("Users", user("bo@y.example", "1")).json().get("id").asText();
        assertScimError(scim.get("Users/" + theirs), 404, null);
        assertScimError(scim.put("Users/" + theirs, user("bo@y.example", "1")), 404, null);
        assertScimError(scim.delete("Users/" + theirs), 404, null);
        assertEquals(0, scim.get("Users?filter=userName%20eq%20%22bo@y.example%22").json().get("totalResults").asInt());
        assertEquals(200, other.scim().get("Users/" + theirs).status());
    }

    @Test
    void aUrlWithoutDirectoryIsNotFound() {
        HttpReply reply = new Http(server.url() + "/scim/v2").bearer(directory.token()).get("Users");
        assertEquals(401, reply.status(), "'Users' is read as a directory id that the token does not open");
        assertScimError(new Http(server.url() + "/scim/v2/").bearer(directory.token()).get(""), 404, null);
    }
}
