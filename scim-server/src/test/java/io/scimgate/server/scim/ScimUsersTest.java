package io.scimgate.server.scim;

import static io.scimgate.server.testing.ScimJson.patch;
import static io.scimgate.server.testing.ScimJson.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.server.testing.HttpReply;
import io.scimgate.server.testing.ScimJson;
import io.scimgate.server.testing.ServerTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class ScimUsersTest extends ServerTest {

    private JsonNode create(String userName, String externalId) {
        HttpReply created = scim.post("Users", user(userName, externalId));
        assertEquals(201, created.status(), created::toString);
        return created.json();
    }

    private JsonNode filter(String filter) {
        HttpReply reply = scim.get("Users?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8));
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    @Test
    void createReturnsTheUserWithIdMetaAndHeaders() {
        HttpReply created = scim.post("Users", user("ana.lee@acme.example", "00u1"));
        assertEquals(201, created.status(), created::toString);
        assertTrue(created.contentType().startsWith("application/scim+json"), created.contentType());
        JsonNode user = created.json();
        String id = user.get("id").asText();
        String location = directory.scimBaseUrl() + "/Users/" + id;
        assertEquals(location, user.at("/meta/location").asText());
        assertEquals(location, created.header("Location").orElseThrow());
        assertEquals("User", user.at("/meta/resourceType").asText());
        assertEquals("W/\"1\"", user.at("/meta/version").asText());
        assertEquals("W/\"1\"", created.header("ETag").orElseThrow());
        OffsetDateTime createdAt = OffsetDateTime.parse(user.at("/meta/created").asText());
        assertEquals(0, createdAt.getOffset().getTotalSeconds());
        assertEquals(createdAt, OffsetDateTime.parse(user.at("/meta/lastModified").asText()));
        assertEquals("ana.lee@acme.example", user.get("userName").asText());
        assertEquals("00u1", user.get("externalId").asText());
        assertEquals("Ana", user.at("/name/givenName").asText());
        assertTrue(user.get("active").asBoolean());
        assertEquals(ScimJson.USER_SCHEMA, user.at("/schemas/0").asText());
    }

    @Test
    void readByIdHasItsOwnLocation() {
        String id = create("bo@acme.example", "00u2").get("id").asText();
        HttpReply read = scim.get("Users/" + id);
        assertEquals(200, read.status());
        assertEquals(directory.scimBaseUrl() + "/Users/" + id, read.header("Location").orElseThrow());
        assertEquals(directory.scimBaseUrl() + "/Users/" + id, read.json().at("/meta/location").asText());
        assertEquals("W/\"1\"", read.header("ETag").orElseThrow());
    }

    @Test
    void valuesComeBackExactlyAsSent() {
        String body = """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User",
                            "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                 "userName":"Ana.Lee@Corp.Example","displayName":"  Ana  Lee ",
                 "name":{"givenName":"Ana","familyName":" Lee","formatted":"Ana Lee"},
                 "title":"Engineer","phoneNumbers":[{"value":"+1 555 0100","type":"work"}],
                 "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User":
                    {"employeeNumber":"0042","department":"R&D","manager":{"value":"mgr-1"}}}
                """;
        HttpReply created = scim.post("Users", body);
        assertEquals(201, created.status(), created::toString);
        JsonNode user = scim.get("Users/" + created.json().get("id").asText()).json();
        assertEquals("Ana.Lee@Corp.Example", user.get("userName").asText());
        assertEquals("  Ana  Lee ", user.get("displayName").asText());
        assertEquals(" Lee", user.at("/name/familyName").asText());
        assertEquals("+1 555 0100", user.at("/phoneNumbers/0/value").asText());
        JsonNode enterprise = user.get("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User");
        assertEquals("0042", enterprise.get("employeeNumber").asText());
        assertEquals("R&D", enterprise.get("department").asText());
        assertEquals("mgr-1", enterprise.at("/manager/value").asText());
    }

    @Test
    void passwordsAreNeitherReturnedNorKept() {
        HttpReply created = scim.post("Users", "{\"userName\":\"pw@acme.example\",\"password\":\"hunter2\"}");
        assertEquals(201, created.status(), created::toString);
        assertFalse(created.body().contains("hunter2"));
        assertFalse(scim.get("Users/" + created.json().get("id").asText()).body().contains("hunter2"));
    }

    @Test
    void filtersByUserNameIgnoringCaseByExternalIdExactlyAndByAnyEmail() {
        String ana = create("Ana.Lee@Corp.Example", "Ext-1").get("id").asText();
        create("bo@corp.example", "ext-1");

        JsonNode byName = filter("userName eq \"ANA.LEE@CORP.EXAMPLE\"");
        assertEquals(1, byName.get("totalResults").asInt());
        assertEquals(ana, byName.at("/Resources/0/id").asText());
        assertEquals("Ana.Lee@Corp.Example", byName.at("/Resources/0/userName").asText());

        JsonNode byExternalId = filter("externalId eq \"Ext-1\"");
        assertEquals(1, byExternalId.get("totalResults").asInt());
        assertEquals(ana, byExternalId.at("/Resources/0/id").asText());

        JsonNode byEmail = filter("emails.value eq \"ana.lee@corp.example\"");
        assertEquals(1, byEmail.get("totalResults").asInt());
        assertEquals(ana, byEmail.at("/Resources/0/id").asText());

        JsonNode none = filter("userName eq \"nobody@corp.example\"");
        assertEquals(0, none.get("totalResults").asInt());
        assertTrue(none.get("Resources").isArray());
        assertEquals(0, none.get("Resources").size());
        assertEquals(ScimJson.LIST_SCHEMA, none.at("/schemas/0").asText());
    }

    @Test
    void listsPageByStartIndexAndCountWithTheTrueTotal() {
        for (int i = 0; i < 5; i++) {
            create("user" + i + "@corp.example", "e" + i);
        }
        JsonNode page = scim.get("Users?startIndex=2&count=2").json();
        assertEquals(5, page.get("totalResults").asInt());
        assertEquals(2, page.get("itemsPerPage").asInt());
        assertEquals(2, page.get("startIndex").asInt());
        assertEquals("user1@corp.example", page.at("/Resources/0/userName").asText());
        assertEquals("user2@corp.example", page.at("/Resources/1/userName").asText());

        JsonNode countOnly = scim.get("Users?count=0").json();
        assertEquals(5, countOnly.get("totalResults").asInt());
        assertEquals(0, countOnly.get("Resources").size());

        JsonNode pastTheEnd = scim.get("Users?startIndex=9").json();
        assertEquals(5, pastTheEnd.get("totalResults").asInt());
        assertEquals(0, pastTheEnd.get("Resources").size());
    }

    @Test
    void putReplacesTheUserAndKeepsActiveWhenItIsMissing() {
        JsonNode created = create("cy@corp.example", "e-cy");
        String id = created.get("id").asText();
        assertEquals(200, scim.patch("Users/" + id, patch("[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]")).status());

        HttpReply replaced = scim.put("Users/" + id, """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],
                 "userName":"cy@corp.example","name":{"givenName":"Cyan","familyName":"Young"}}
                """);
        assertEquals(200, replaced.status(), replaced::toString);
        JsonNode user = replaced.json();
        assertEquals("Cyan", user.at("/name/givenName").asText());
        assertFalse(user.has("externalId"), "PUT replaces: attributes left out are gone");
        assertFalse(user.get("active").asBoolean(), "PUT without active leaves it unchanged");
        assertEquals("W/\"3\"", user.at("/meta/version").asText());
        assertEquals(directory.scimBaseUrl() + "/Users/" + id, replaced.header("Location").orElseThrow());
        assertEquals(created.at("/meta/created").asText(), user.at("/meta/created").asText());
        assertNotEquals(created.at("/meta/lastModified").asText(), user.at("/meta/lastModified").asText());
    }

    @Test
    void patchChangesOnlyWhatItNames() {
        String id = create("di@corp.example", "e-di").get("id").asText();
        HttpReply patched = scim.patch("Users/" + id, patch("""
                [{"op":"Replace","path":"active","value":"False"},
                 {"op":"replace","path":"name.givenName","value":"Diana"},
                 {"op":"add","path":"title","value":"CTO"}]
                """));
        assertEquals(200, patched.status(), patched::toString);
        JsonNode user = scim.get("Users/" + id).json();
        assertFalse(user.get("active").asBoolean());
        assertEquals("Diana", user.at("/name/givenName").asText());
        assertEquals("Lee", user.at("/name/familyName").asText());
        assertEquals("CTO", user.get("title").asText());
        assertEquals("e-di", user.get("externalId").asText());
        assertEquals(1, filter("userName eq \"di@corp.example\"").get("totalResults").asInt());
    }

    @Test
    void pathlessPatchReplacesActiveAsOktaSendsIt() {
        String id = create("ed@corp.example", "e-ed").get("id").asText();
        HttpReply patched = scim.patch("Users/" + id, patch("[{\"op\":\"replace\",\"value\":{\"active\":false}}]"));
        assertEquals(200, patched.status(), patched::toString);
        assertFalse(scim.get("Users/" + id).json().get("active").asBoolean());
    }

    @Test
    void deleteRemovesTheUserAndASecondDeleteIsNotFound() {
        String id = create("fe@corp.example", "e-fe").get("id").asText();
        assertEquals(204, scim.delete("Users/" + id).status());
        assertEquals(404, scim.get("Users/" + id).status());
        assertEquals(404, scim.delete("Users/" + id).status());
        HttpReply again = scim.post("Users", user("fe@corp.example", "e-fe"));
        assertEquals(201, again.status());
        assertNotEquals(id, again.json().get("id").asText());
    }

    @Test
    void ifMatchGuardsUpdatesWithTheVersion() {
        String id = create("gi@corp.example", "e-gi").get("id").asText();
        String body = patch("[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"x\"}]");
        HttpReply stale = scim.send("PATCH", "Users/" + id, body, java.util.Map.of("If-Match", "W/\"7\""));
        assertEquals(412, stale.status(), stale::toString);
        assertEquals(ScimJson.ERROR_SCHEMA, stale.json().at("/schemas/0").asText());
        HttpReply fresh = scim.send("PATCH", "Users/" + id, body, java.util.Map.of("If-Match", "W/\"1\""));
        assertEquals(200, fresh.status(), fresh::toString);
        assertEquals("W/\"2\"", fresh.header("ETag").orElseThrow());
    }

    @Test
    void everyAcknowledgedWriteSurvivesARestart() {
        String kept = create("hu@corp.example", "e-hu").get("id").asText();
        String changed = create("ivy@corp.example", "e-ivy").get("id").asText();
        String removed = create("jo@corp.example", "e-jo").get("id").asText();
        scim.patch("Users/" + changed, patch("[{\"op\":\"replace\",\"path\":\"title\",\"value\":\"Lead\"}]"));
        scim.delete("Users/" + removed);

        server.restart();
        io.scimgate.server.testing.Http restarted = new io.scimgate.server.testing.Http(
                server.url() + "/scim/v2/" + directory.id()).bearer(directory.token());
        assertEquals(200, restarted.get("Users/" + kept).status());
        assertEquals("Lead", restarted.get("Users/" + changed).json().get("title").asText());
        assertEquals(404, restarted.get("Users/" + removed).status());
    }
}
