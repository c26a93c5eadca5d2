package io.scimgate.server.admin;

import static io.scimgate.server.admin.AdminApiTest.assertAdminError;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.server.testing.AdminClient;
import io.scimgate.server.testing.DirectoryAccess;
import io.scimgate.server.testing.Http;
import io.scimgate.server.testing.HttpReply;
import io.scimgate.server.testing.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Issue 9 §1 and §2 over HTTP: directory users and groups, attribute mappings and role catalogues. */
class AdminDirectoryDataApiTest {

    private static final Set<String> USER_FIELDS = Set.of("id", "directoryId", "organizationId", "idpId", "userName",
            "firstName", "lastName", "email", "emails", "state", "groups", "role", "customAttributes", "rawAttributes",
            "provisioning", "createdAt", "updatedAt");
    private static final Set<String> GROUP_FIELDS = Set.of("id", "directoryId", "organizationId", "idpId", "name",
            "memberCount", "rawAttributes", "createdAt", "updatedAt");
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    private static TestServer server;
    private AdminClient admin;
    private Http http;
    private String organizationId;
    private DirectoryAccess directory;

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
        http = admin.http();
        organizationId = admin.createOrganization("Acme");
        admin.addVerifiedDomain(organizationId, "acme.com");
        directory = admin.createDirectory(organizationId, "Okta", "okta");
    }

    private String push(String email, String title, String department) {
        HttpReply created = directory.scim().post("Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","%s"],
                 "userName":"%s","externalId":"ext-%s","title":"%s",
                 "name":{"givenName":"Ana","familyName":"Lee"},
                 "emails":[{"value":"home-%s","type":"home"},{"value":"%s","type":"work","primary":true}],
                 "%s":{"department":"%s"}}
                """.formatted(ENTERPRISE, email, email, title, email, email, ENTERPRISE, department));
        assertEquals(201, created.status(), created::toString);
        return created.json().get("id").asText();
    }

    private String group(String name, String... memberIds) {
        StringBuilder members = new StringBuilder();
        for (String id : memberIds) {
            members.append(members.length() == 0 ? "" : ",").append("{\"value\":\"").append(id).append("\"}");
        }
        HttpReply created = directory.scim().post("Groups", "{\"displayName\":\"" + name + "\",\"externalId\":\"g-" + name
                + "\",\"members\":[" + members + "]}");
        assertEquals(201, created.status(), created::toString);
        return created.json().get("id").asText();
    }

    private static List<String> eventSummaries(JsonNode page) {
        List<String> summaries = new ArrayList<>();
        page.get("data").forEach(event -> summaries.add(event.get("event").asText() + ":" + event.at("/data/slug").asText()));
        return summaries;
    }

    private static Set<String> fieldNames(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void aDirectoryUserHasExactlyTheFieldsAHostAppNeeds() {
        String id = push("ana@acme.com", "Engineer", "R&D");
        String eng = group("Eng", id);
        JsonNode user = admin.get("directories/" + directory.id() + "/users/" + id);

        assertEquals(new TreeSet<>(USER_FIELDS), fieldNames(user));
        assertEquals(id, user.get("id").asText());
        assertEquals(directory.id(), user.get("directoryId").asText());
        assertEquals(organizationId, user.get("organizationId").asText());
        assertEquals("ext-ana@acme.com", user.get("idpId").asText());
        assertEquals("ana@acme.com", user.get("userName").asText());
        assertEquals("Ana", user.get("firstName").asText());
        assertEquals("Lee", user.get("lastName").asText());
        assertEquals("ana@acme.com", user.get("email").asText());
        assertEquals("[{\"value\":\"home-ana@acme.com\",\"type\":\"home\",\"primary\":false},"
                + "{\"value\":\"ana@acme.com\",\"type\":\"work\",\"primary\":true}]", user.get("emails").toString());
        assertEquals("active", user.get("state").asText());
        assertEquals("[{\"id\":\"" + eng + "\",\"name\":\"Eng\"}]", user.get("groups").toString());
        assertEquals("{\"slug\":\"member\"}", user.get("role").toString());
        assertEquals("{}", user.get("customAttributes").toString());
        assertEquals("R&D", user.at("/rawAttributes/" + ENTERPRISE.replace("/", "~1") + "/department").asText());
        assertEquals("Engineer", user.at("/rawAttributes/title").asText());
        assertEquals("provisioned", user.at("/provisioning/state").asText());
        assertTrue(user.at("/provisioning/userId").isTextual());
        assertTrue(user.get("createdAt").asText().endsWith("Z"));

        directory.scim().patch("Users/" + id, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]}");
        JsonNode inactive = admin.get("directories/" + directory.id() + "/users/" + id);
        assertEquals("inactive", inactive.get("state").asText());
        assertEquals("deprovisioned", inactive.at("/provisioning/state").asText());

        assertAdminError(http.get("directories/" + directory.id() + "/users/nope"), 404, "directory_user_not_found");
        DirectoryAccess other = admin.createDirectory(organizationId, "Entra", "entra");
        assertAdminError(http.get("directories/" + other.id() + "/users/" + id), 404, "directory_user_not_found");
    }

    @Test
    void directoryUsersArePagedWithACursorAndFilteredByGroup() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(push("p" + i + "@acme.com", "T", "D"));
        }
        String eng = group("Eng", ids.get(1), ids.get(3), ids.get(4));

        List<String> walked = new ArrayList<>();
        String after = null;
        do {
            JsonNode page = admin.get("directories/" + directory.id() + "/users?limit=2" + (after == null ? "" : "&after=" + after));
            page.get("data").forEach(user -> walked.add(user.get("id").asText()));
            after = page.at("/listMetadata/after").textValue();
        } while (after != null);
        assertEquals(ids, walked, "creation order, every user once");

        List<String> members = new ArrayList<>();
        after = null;
        do {
            JsonNode page = admin.get("directories/" + directory.id() + "/users?group=" + eng + "&limit=2"
                    + (after == null ? "" : "&after=" + after));
            page.get("data").forEach(user -> members.add(user.get("id").asText()));
            after = page.at("/listMetadata/after").textValue();
        } while (after != null);
        assertEquals(new TreeSet<>(List.of(ids.get(1), ids.get(3), ids.get(4))), new TreeSet<>(members));
        assertEquals(3, members.size());

        assertAdminError(http.get("directories/" + directory.id() + "/users?group=nope"), 400, "unknown_group");
        assertAdminError(http.get("directories/" + directory.id() + "/users?limit=101"), 400, "invalid_limit");
        assertAdminError(http.get("directories/" + directory.id() + "/users?after=nope"), 400, "invalid_cursor");
        assertAdminError(http.get("directories/nope/users"), 404, "directory_not_found");
    }

    @Test
    void directoryGroupsAreListedAndReadWithTheirMemberCount() {
        String ana = push("ana@acme.com", "T", "D");
        String bo = push("bo@acme.com", "T", "D");
        String eng = group("Eng", ana, bo);
        String ops = group("Ops", bo);

        JsonNode first = admin.get("directories/" + directory.id() + "/groups?limit=1");
        assertEquals(1, first.get("data").size());
        JsonNode engView = first.at("/data/0");
        assertEquals(new TreeSet<>(GROUP_FIELDS), fieldNames(engView));
        assertEquals(eng, engView.get("id").asText());
        assertEquals("Eng", engView.get("name").asText());
        assertEquals("g-Eng", engView.get("idpId").asText());
        assertEquals(2, engView.get("memberCount").asInt());
        assertEquals(organizationId, engView.get("organizationId").asText());
        assertEquals("Eng", engView.at("/rawAttributes/displayName").asText());
        JsonNode second = admin.get("directories/" + directory.id() + "/groups?limit=1&after=" + first.at("/listMetadata/after").asText());
        assertEquals(ops, second.at("/data/0/id").asText());
        assertEquals(1, second.at("/data/0/memberCount").asInt());

        assertEquals(1, admin.get("directories/" + directory.id() + "/groups/" + ops).get("memberCount").asInt());
        assertAdminError(http.get("directories/" + directory.id() + "/groups/nope"), 404, "directory_group_not_found");
    }

    @Test
    void attributeMappingsGiveUsersCustomAttributesAndAreRecomputedWhenTheyChange() {
        String id = push("ana@acme.com", "Engineer", "R&D");
        assertEquals("{}", admin.get("directories/" + directory.id() + "/attribute-mappings").toString());

        String mapping = "{\"department\":\"" + ENTERPRISE + ":department\",\"jobTitle\":\"title\",\"given\":\"name.givenName\"}";
        HttpReply put = http.put("directories/" + directory.id() + "/attribute-mappings", mapping);
        assertEquals(200, put.status(), put::toString);
        assertEquals(mapping, put.json().toString());
        assertEquals(mapping, admin.get("directories/" + directory.id() + "/attribute-mappings").toString());
        assertEquals("{\"department\":\"R&D\",\"jobTitle\":\"Engineer\",\"given\":\"Ana\"}",
                admin.get("directories/" + directory.id() + "/users/" + id).get("customAttributes").toString());

        JsonNode updated = admin.get("events?limit=100&events=dsync.user.updated&organizationId=" + organizationId);
        assertEquals(1, updated.get("data").size(), "the existing user was recomputed");
        assertEquals("Engineer", updated.at("/data/0/data/customAttributes/jobTitle").asText());
        assertEquals("{}", updated.at("/data/0/data/previousAttributes/customAttributes").toString());

        String other = push("bo@acme.com", "Designer", "Studio");
        assertEquals("Designer", admin.get("directories/" + directory.id() + "/users/" + other).at("/customAttributes/jobTitle").asText());
        JsonNode created = admin.get("events?limit=100&events=dsync.user.created&organizationId=" + organizationId);
        assertEquals("Studio", created.at("/data/1/data/customAttributes/department").asText(), "events carry the values");

        assertAdminError(http.put("directories/" + directory.id() + "/attribute-mappings", "{\"jobTitle\":\"not a path\"}"),
                400, "invalid_attribute_path");
        assertAdminError(http.put("directories/" + directory.id() + "/attribute-mappings", "{\"jobTitle\":7}"),
                400, "invalid_attribute_path");
        assertAdminError(http.put("directories/" + directory.id() + "/attribute-mappings", "[\"title\"]"), 400, "invalid_mapping");
        assertAdminError(http.put("directories/" + directory.id() + "/attribute-mappings", "{\"job title\":\"title\"}"),
                400, "invalid_attribute_name");
        assertAdminError(http.put("directories/" + directory.id() + "/attribute-mappings", "{"), 400, "invalid_json");
        assertAdminError(http.put("directories/nope/attribute-mappings", "{}"), 404, "directory_not_found");
        assertEquals(mapping, admin.get("directories/" + directory.id() + "/attribute-mappings").toString(), "nothing changed");
    }

    @Test
    void rolesAreReadAndReplacedAndMustBeKnownWhereverARoleIsNamed() {
        assertEquals("[{\"slug\":\"member\",\"name\":\"Member\",\"default\":true}]",
                admin.get("organizations/" + organizationId + "/roles").toString());
        String roles = "[{\"slug\":\"viewer\",\"name\":\"Viewer\",\"default\":true},"
                + "{\"slug\":\"member\",\"name\":\"Member\",\"default\":false},{\"slug\":\"admin\",\"name\":\"Admin\",\"default\":false}]";
        HttpReply replaced = http.put("organizations/" + organizationId + "/roles", roles);
        assertEquals(200, replaced.status(), replaced::toString);
        assertEquals(roles, replaced.json().toString());
        assertEquals("viewer", admin.get("organizations/" + organizationId).get("defaultRole").asText());
        JsonNode roleEvents = admin.get("events?limit=100&events=role.created,role.updated&organizationId=" + organizationId);
        assertEquals(List.of("role.created:viewer", "role.updated:member", "role.created:admin"),
                eventSummaries(roleEvents), "member lost the default");

        String id = push("ana@acme.com", "T", "D");
        assertEquals("viewer", admin.get("directories/" + directory.id() + "/users/" + id).at("/role/slug").asText());
        String membershipId = admin.get("organizations/" + organizationId + "/memberships").at("/data/0/id").asText();
        assertEquals("admin", http.patch("memberships/" + membershipId, "{\"role\":\"admin\"}").json().get("role").asText());

        JsonNode inUse = assertAdminError(http.put("organizations/" + organizationId + "/roles",
                "[{\"slug\":\"viewer\",\"name\":\"Viewer\",\"default\":true}]"), 409, "role_in_use");
        assertTrue(inUse.get("message").asText().contains("'admin'"), inUse::toString);
        assertAdminError(http.put("organizations/" + organizationId + "/roles", "[{\"slug\":\"a\",\"name\":\"A\"}]"),
                400, "one_default_role");
        assertAdminError(http.put("organizations/" + organizationId + "/roles", "[{\"slug\":\"a\",\"nom\":\"A\"}]"),
                400, "unknown_field");
        assertAdminError(http.put("organizations/" + organizationId + "/roles", "{}"), 400, "invalid_json");
        assertAdminError(http.put("organizations/nope/roles", "[{\"slug\":\"a\",\"default\":true}]"), 404, "organization_not_found");
        assertAdminError(http.get("organizations/nope/roles"), 404, "organization_not_found");
        assertEquals(3, admin.get("organizations/" + organizationId + "/roles").size(), "nothing changed");
    }

    @Test
    void groupMemberEventsCarryTheWholeUserAndGroup() {
        String ana = push("ana@acme.com", "Engineer", "R&D");
        String eng = group("Eng", ana);
        JsonNode added = admin.get("events?limit=100&events=dsync.group.user_added&organizationId=" + organizationId).at("/data/0/data");
        assertEquals(directory.id(), added.get("directoryId").asText());
        assertEquals(new TreeSet<>(USER_FIELDS), fieldNames(added.get("user")));
        assertEquals(new TreeSet<>(GROUP_FIELDS), fieldNames(added.get("group")));
        assertEquals(ana, added.at("/user/id").asText());
        assertEquals("[{\"id\":\"" + eng + "\",\"name\":\"Eng\"}]", added.at("/user/groups").toString());
        assertEquals(eng, added.at("/group/id").asText());
        assertEquals(1, added.at("/group/memberCount").asInt());

        assertEquals(204, directory.scim().delete("Users/" + ana).status());
        JsonNode removed = admin.get("events?limit=100&events=dsync.group.user_removed&organizationId=" + organizationId).get("data");
        assertEquals(1, removed.size(), "deleting a user removes it from its group");
        assertEquals(ana, removed.at("/0/data/user/id").asText());
        assertEquals(0, removed.at("/0/data/group/memberCount").asInt());
        assertFalse(directory.scim().get("Groups/" + eng).json().has("members")
                && directory.scim().get("Groups/" + eng).json().get("members").size() > 0);
    }
}
