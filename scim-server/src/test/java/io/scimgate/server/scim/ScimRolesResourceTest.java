package io.scimgate.server.scim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.server.testing.AdminClient;
import io.scimgate.server.testing.DirectoryAccess;
import io.scimgate.server.testing.Http;
import io.scimgate.server.testing.HttpReply;
import io.scimgate.server.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RULES.md P28: the organization's roles as the read-only {@code /Roles} resource type that Okta discovers. */
class ScimRolesResourceTest {

    private static final String ROLE_SCHEMA = "urn:okta:scim:schemas:core:1.0:Role";
    private static TestServer server;
    private AdminClient admin;
    private DirectoryAccess directory;
    private Http scim;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void organization() {
        admin = server.admin();
        String organizationId = admin.createOrganization("Acme");
        admin.defineRoles(organizationId, "admin", "billing");
        directory = admin.createDirectory(organizationId, "Okta", "okta");
        scim = directory.scim();
    }

    private static List<String> ids(JsonNode list) {
        List<String> ids = new ArrayList<>();
        list.get("Resources").forEach(role -> ids.add(role.get("id").asText()));
        return ids;
    }

    @Test
    void P28_rolesAreDiscoveredThroughResourceTypesAndSchemas() {
        JsonNode type = scim.get("ResourceTypes/Role").json();
        assertEquals("/Roles", type.get("endpoint").asText());
        assertEquals(ROLE_SCHEMA, type.get("schema").asText());
        JsonNode schema = scim.get("Schemas/" + ROLE_SCHEMA).json();
        assertEquals("Role", schema.get("name").asText());
        List<String> attributes = new ArrayList<>();
        schema.get("attributes").forEach(attribute -> attributes.add(attribute.get("name").asText()));
        assertTrue(attributes.contains("displayName"), attributes::toString);
    }

    @Test
    void P28_theOrganizationsRolesAreListedInPagesAndReadById() {
        JsonNode all = scim.get("Roles").json();
        assertEquals("urn:ietf:params:scim:api:messages:2.0:ListResponse", all.at("/schemas/0").asText());
        assertEquals(3, all.get("totalResults").asInt());
        assertEquals(List.of("member", "admin", "billing"), ids(all));
        JsonNode admin = all.at("/Resources/1");
        assertEquals(ROLE_SCHEMA, admin.at("/schemas/0").asText());
        assertEquals("admin", admin.get("displayName").asText());
        assertEquals("Role", admin.at("/meta/resourceType").asText());
        assertEquals(directory.scimBaseUrl() + "/Roles/admin", admin.at("/meta/location").asText());

        JsonNode second = scim.get("Roles?startIndex=2&count=1").json();
        assertEquals(List.of("admin"), ids(second));
        assertEquals(3, second.get("totalResults").asInt());
        assertEquals(1, second.get("itemsPerPage").asInt());
        assertEquals(2, second.get("startIndex").asInt());
        JsonNode none = scim.get("Roles?count=0").json();
        assertEquals(3, none.get("totalResults").asInt());
        assertEquals(0, none.get("Resources").size());

        assertEquals("billing", scim.get("Roles/billing").json().get("displayName").asText());
        HttpReply unknown = scim.get("Roles/nope");
        assertEquals(404, unknown.status());
        assertEquals("404", unknown.json().get("status").asText());
    }

    @Test
    void P28_aDirectoryOnlySeesItsOwnOrganizationsRoles() {
        DirectoryAccess other = server.newDirectory("okta");
        assertEquals(List.of("member"), ids(other.scim().get("Roles").json()));
        assertEquals(404, other.scim().get("Roles/admin").status());
        assertEquals(401, new Http(directory.scimBaseUrl()).get("Roles").status());
    }

    @ParameterizedTest
    @CsvSource({"POST,Roles", "PUT,Roles/admin", "PATCH,Roles/admin", "DELETE,Roles/admin"})
    void P28_rolesAreReadOnly(String method, String path) {
        HttpReply refused = scim.send(method, path, method.equals("DELETE") ? null : "{}",
                java.util.Map.of("Content-Type", "application/scim+json"));
        assertEquals(405, refused.status(), refused::toString);
        assertEquals("405", refused.json().get("status").asText());
        assertEquals(List.of("member", "admin", "billing"), ids(scim.get("Roles").json()));
    }

    @Test
    void P28_rolesCannotBeFiltered() {
        HttpReply filtered = scim.get("Roles?filter=displayName%20eq%20%22admin%22");
        assertEquals(400, filtered.status());
        assertEquals("invalidFilter", filtered.json().get("scimType").asText());
    }
}
