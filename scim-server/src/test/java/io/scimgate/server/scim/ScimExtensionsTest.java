package io.scimgate.server.scim;

import static io.scimgate.server.testing.ScimJson.patch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.server.testing.HttpReply;
import io.scimgate.server.testing.ServerTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every extension a client sends is kept as sent (issue 9 §1): stored, returned, listed in
 * {@code schemas}, in {@code dsync.user.*} events, PATCH-able by path; attributes of extensions the
 * server does not define are not indexed, so filtering on them is a clear 400.
 */
class ScimExtensionsTest extends ServerTest {

    private static final String CUSTOM = "urn:ietf:params:scim:schemas:extension:CustomExtensionName:2.0:User";
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private String create() {
        HttpReply created = scim.post("Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","%s","%s"],
                 "userName":"ana@x.example",
                 "%s":{"employeeNumber":"42"},
                 "%s":{"costCenter":"CC1","site":{"floor":"3","wing":"B"},"badges":["a","b"],"temporary":null},
                 "urn:okta:not:an:extension:namespace":{"x":1}}
                """.formatted(ENTERPRISE, CUSTOM, ENTERPRISE, CUSTOM));
        assertEquals(201, created.status(), created::toString);
        return created.json().get("id").asText();
    }

    private JsonNode read(String id) {
        return scim.get("Users/" + id).json();
    }

    private static List<String> schemas(JsonNode resource) {
        List<String> schemas = new ArrayList<>();
        resource.get("schemas").forEach(urn -> schemas.add(urn.asText()));
        return schemas;
    }

    private JsonNode events(String type) {
        return server.admin().get("events?limit=100&events=" + type + "&organizationId=" + directory.organizationId()).get("data");
    }

    @Test
    void anExtensionTheServerDoesNotDefineIsStoredReturnedListedAndInEvents() {
        String id = create();
        JsonNode user = read(id);
        assertEquals("CC1", user.get(CUSTOM).get("costCenter").asText());
        assertEquals("3", user.get(CUSTOM).at("/site/floor").asText());
        assertEquals(2, user.get(CUSTOM).get("badges").size());
        assertFalse(user.get(CUSTOM).has("temporary"), "null is absent");
        assertEquals("42", user.get(ENTERPRISE).get("employeeNumber").asText());
        assertEquals(List.of("urn:ietf:params:scim:schemas:core:2.0:User", ENTERPRISE, CUSTOM), schemas(user));
        assertFalse(user.has("urn:okta:not:an:extension:namespace"), "only URNs of the extension namespace are extensions");
        JsonNode created = events("dsync.user.created").get(0).get("data").get("attributes");
        assertEquals("CC1", created.get(CUSTOM).get("costCenter").asText(), "the event carries the extension");
        assertEquals(user, scim.get("Users?filter=" + URLEncoder.encode("userName eq \"ana@x.example\"", StandardCharsets.UTF_8))
                .json().at("/Resources/0"), "lists return it too");
    }

    @Test
    void extensionAttributesArePatchedByPathWithAColonOrADot() {
        String id = create();
        assertEquals(200, scim.patch("Users/" + id, patch("""
                [{"op":"replace","path":"%s:costCenter","value":"CC2"},
                 {"op":"replace","path":"%s:site.floor","value":"4"},
                 {"op":"add","path":"%s.region","value":"EMEA"},
                 {"op":"remove","path":"%s:badges"}]
                """.formatted(CUSTOM, CUSTOM, CUSTOM, CUSTOM))).status());
        JsonNode extension = read(id).get(CUSTOM);
        assertEquals("CC2", extension.get("costCenter").asText());
        assertEquals("4", extension.at("/site/floor").asText());
        assertEquals("B", extension.at("/site/wing").asText(), "a sub-attribute set by path keeps its siblings");
        assertEquals("EMEA", extension.get("region").asText());
        assertFalse(extension.has("badges"));

        JsonNode updated = events("dsync.user.updated").get(0).get("data");
        assertEquals("CC1", updated.at("/previousAttributes").get(CUSTOM).get("costCenter").asText());
        assertEquals("CC2", updated.at("/attributes").get(CUSTOM).get("costCenter").asText());
    }

    @Test
    void aPathlessValueMergesAWholeExtensionAndTheLastAttributeRemovedRemovesIt() {
        String id = create();
        assertEquals(200, scim.patch("Users/" + id, patch("""
                [{"op":"replace","value":{"%s":{"costCenter":"CC9"},"%s:department":"Ops"}}]
                """.formatted(CUSTOM, ENTERPRISE))).status());
        JsonNode user = read(id);
        assertEquals("CC9", user.get(CUSTOM).get("costCenter").asText());
        assertEquals("3", user.get(CUSTOM).at("/site/floor").asText(), "other attributes of the extension stay");
        assertEquals("Ops", user.get(ENTERPRISE).get("department").asText());
        assertEquals(200, scim.patch("Users/" + id, patch("[{\"op\":\"remove\",\"path\":\"" + CUSTOM + "\"}]")).status());
        JsonNode without = read(id);
        assertFalse(without.has(CUSTOM));
        assertFalse(schemas(without).contains(CUSTOM));
    }

    @Test
    void anExtensionNotDeclaredByThisServerIsPatchedOntoAUserThatHadNone() {
        String id = scim.post("Users", "{\"userName\":\"bo@x.example\"}").json().get("id").asText();
        assertEquals(200, scim.patch("Users/" + id, patch("[{\"op\":\"add\",\"path\":\"" + CUSTOM + ":costCenter\",\"value\":\"CC7\"}]"))
                .status());
        JsonNode user = read(id);
        assertEquals("CC7", user.get(CUSTOM).get("costCenter").asText());
        assertTrue(schemas(user).contains(CUSTOM));
    }

    @Test
    void anAddOrReplaceOfAWholeExtensionWithoutAValueIsAnInvalidValueAndChangesNothing() {
        String id = create();
        JsonNode before = read(id);
        for (String op : List.of("add", "replace")) {
            for (String urn : List.of(CUSTOM, ENTERPRISE)) {
                HttpReply reply = scim.patch("Users/" + id, patch("[{\"op\":\"" + op + "\",\"path\":\"" + urn + "\"}]"));
                assertEquals(400, reply.status(), reply::toString);
                assertEquals("invalidValue", reply.json().get("scimType").asText(), reply::toString);
            }
        }
        assertEquals(before, read(id));
    }

    @Test
    void attributesOfAnUndeclaredExtensionAreNotIndexedSoFiltersOnThemAreRefused() {
        create();
        HttpReply filtered = scim.get("Users?filter=" + URLEncoder.encode(CUSTOM + ":costCenter eq \"CC1\"", StandardCharsets.UTF_8));
        assertEquals(400, filtered.status(), filtered::toString);
        assertEquals("invalidFilter", filtered.json().get("scimType").asText());
        assertTrue(filtered.json().get("detail").asText().contains("not indexed"), filtered::toString);
        HttpReply sorted = scim.get("Users?sortBy=" + CUSTOM + ":costCenter");
        assertEquals(400, sorted.status(), sorted::toString);
        assertEquals(1, scim.get("Users?filter=" + URLEncoder.encode(ENTERPRISE + ":employeeNumber eq \"42\"", StandardCharsets.UTF_8))
                .json().get("totalResults").asInt(), "the declared enterprise extension stays filterable");
    }

    @Test
    void extensionsAreSelectedAndExcludedLikeAttributes() {
        String id = create();
        JsonNode whole = scim.get("Users/" + id + "?attributes=" + CUSTOM).json();
        assertEquals("CC1", whole.get(CUSTOM).get("costCenter").asText());
        assertFalse(whole.has("userName"));
        assertEquals(List.of("urn:ietf:params:scim:schemas:core:2.0:User", CUSTOM), schemas(whole));
        JsonNode one = scim.get("Users/" + id + "?attributes=" + CUSTOM + ":site.floor").json();
        assertEquals("3", one.get(CUSTOM).at("/site/floor").asText());
        assertFalse(one.get(CUSTOM).has("costCenter"));
        JsonNode excluded = scim.get("Users/" + id + "?excludedAttributes=" + CUSTOM.toLowerCase()).json();
        assertFalse(excluded.has(CUSTOM));
        assertFalse(schemas(excluded).contains(CUSTOM));
    }

    @Test
    void aPutReplacesTheExtensionsAsSent() {
        String id = create();
        HttpReply replaced = scim.put("Users/" + id, """
                {"userName":"ana@x.example","%s":{"costCenter":"CC3"}}
                """.formatted(CUSTOM));
        assertEquals(200, replaced.status(), replaced::toString);
        JsonNode user = read(id);
        assertEquals("CC3", user.get(CUSTOM).get("costCenter").asText());
        assertFalse(user.get(CUSTOM).has("site"));
        assertFalse(user.has(ENTERPRISE));
    }

    @Test
    void groupsKeepTheirExtensionsToo() {
        String custom = "urn:ietf:params:scim:schemas:extension:CustomExtensionName:2.0:Group";
        HttpReply created = scim.post("Groups", "{\"displayName\":\"Eng\",\"" + custom + "\":{\"owner\":\"ana\"}}");
        assertEquals(201, created.status(), created::toString);
        String id = created.json().get("id").asText();
        assertEquals(204, scim.patch("Groups/" + id, patch("[{\"op\":\"replace\",\"path\":\"" + custom + ":owner\",\"value\":\"bo\"}]"))
                .status());
        JsonNode group = scim.get("Groups/" + id).json();
        assertEquals("bo", group.get(custom).get("owner").asText());
        assertTrue(schemas(group).contains(custom));
    }
}
