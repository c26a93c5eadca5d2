package io.scimgate.server.scim;

import static io.scimgate.server.testing.ScimJson.patch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.server.testing.HttpReply;
import io.scimgate.server.testing.ServerTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A filter's quoted values are JSON strings (RFC 7644 §3.4.2.2): names in any script, and JSON's
 * escapes, find what was stored; IdPs look users and groups up by such names before creating them.
 * SCIMple M1's lexer alone refuses everything outside ASCII.
 */
class FilterValuesTest extends ServerTest {

    private static final String EMOJI = new String(Character.toChars(0x1F600));

    @BeforeEach
    void people() {
        assertEquals(201, scim.post("Users", """
                {"userName":"josé@x.example","displayName":"José Núñez","emails":[{"value":"josé@x.example","type":"work"}]}
                """).status());
        assertEquals(201, scim.post("Users", "{\"userName\":\"li@x.example\",\"displayName\":\"李雷\",\"title\":\"Ana " + EMOJI + "\"}")
                .status());
        assertEquals(201, scim.post("Users", "{\"userName\":\"quote@x.example\",\"displayName\":\"say \\\"hi\\\" \\\\ bye\"}")
                .status());
        assertEquals(201, scim.post("Groups", "{\"displayName\":\"Équipe Ω\"}").status());
    }

    private List<String> userNames(String filter) {
        HttpReply reply = scim.get("Users?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8));
        assertEquals(200, reply.status(), () -> filter + ": " + reply);
        List<String> names = new ArrayList<>();
        reply.json().get("Resources").forEach(user -> names.add(user.get("userName").asText()));
        return names;
    }

    @Test
    void valuesOutsideAsciiFindWhatWasStored() {
        assertEquals(List.of("josé@x.example"), userNames("userName eq \"josé@x.example\""));
        assertEquals(List.of("josé@x.example"), userNames("displayName eq \"José Núñez\""));
        assertEquals(List.of("josé@x.example"), userNames("displayName eq \"JOSÉ NÚÑEZ\""), "case folded beyond ASCII");
        assertEquals(List.of("josé@x.example"), userNames("displayName co \"ÚÑ\""));
        assertEquals(List.of("josé@x.example"), userNames("emails[value eq \"josé@x.example\"]"));
        assertEquals(List.of("li@x.example"), userNames("displayName eq \"李雷\""));
        assertEquals(List.of("li@x.example"), userNames("title ew \"" + EMOJI + "\""));
        JsonNode groups = scim.get("Groups?filter=" + URLEncoder.encode("displayName eq \"Équipe Ω\"", StandardCharsets.UTF_8)).json();
        assertEquals(1, groups.get("totalResults").asInt(), groups::toString);
    }

    @Test
    void jsonEscapesAreRead() {
        assertEquals(List.of("josé@x.example"), userNames("userName eq \"jos\\u00e9@x.example\""));
        assertEquals(List.of("li@x.example"), userNames("displayName eq \"\\u674E\\u96F7\""));
        assertEquals(List.of("li@x.example"), userNames("title ew \"\\ud83d\\ude00\""));
        assertEquals(List.of("quote@x.example"), userNames("displayName eq \"say \\\"hi\\\" \\\\ bye\""));
        assertEquals(List.of("quote@x.example"), userNames("displayName sw \"say \\u0022\""));
    }

    @Test
    void aSearchAndAPatchPathReadThemToo() {
        HttpReply search = scim.post(".search", "{\"filter\":\"displayName eq \\\"José Núñez\\\"\"}");
        assertEquals(200, search.status(), search::toString);
        assertEquals(1, search.json().get("totalResults").asInt(), search::toString);
        String id = search.json().at("/Resources/0/id").asText();
        HttpReply patched = scim.patch("Users/" + id, patch("""
                [{"op":"replace","path":"emails[value eq \\"jos\\\\u00e9@x.example\\"].type","value":"home"}]
                """));
        assertEquals(200, patched.status(), patched::toString);
        assertEquals("home", patched.json().at("/emails/0/type").asText(), patched::toString);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"userName eq \"a\\qb\"", "userName eq \"a\\u12\"", "userName eq \"a\\u12zz\"", "userName eq \"a\tb\"",
        "userName eq \"a\\u0000\"", "displayName eq \"\\udc00\"", "userName eq \"\\\"", "userName eq \"abc",
        "userName eq \"\\u\"", "userName eq \"é", "userName eq \"é\" and", "\"é\" eq userName", "userName eq \"\\"})
    void aValueThatIsNoJsonStringOrCannotBeStoredIsInvalidFilter(String filter) {
        HttpReply reply = scim.get("Users?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8));
        assertEquals(400, reply.status(), reply::toString);
        assertEquals("invalidFilter", reply.json().get("scimType").asText(), reply::toString);
        assertTrue(reply.json().get("detail").asText().length() < 300, reply::toString);
    }

    @Test
    void aParseErrorShowsTheValueAsWritten() {
        HttpReply reply = scim.get("Users?filter=" + URLEncoder.encode("\"José\" eq userName", StandardCharsets.UTF_8));
        assertEquals(400, reply.status(), reply::toString);
        assertTrue(reply.json().get("detail").asText().contains("\"José\""), reply::toString);
    }
}
