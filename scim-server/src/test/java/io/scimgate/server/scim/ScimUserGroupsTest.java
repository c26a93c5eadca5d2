package io.scimgate.server.scim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.zaxxer.hikari.HikariDataSource;
import io.scimgate.core.ProvisioningCore;
import io.scimgate.core.directory.Directory;
import io.scimgate.core.directory.DirectoryGroupData;
import io.scimgate.core.directory.DirectoryProvider;
import io.scimgate.core.directory.DirectoryUserData;
import io.scimgate.core.testing.TestDatabase;
import io.scimgate.core.testing.TestDatabases;
import io.scimgate.server.scim.projection.AttributeSelection;
import io.scimgate.server.scim.users.ScimUserRepository;
import io.scimgate.server.testing.DirectoryAccess;
import io.scimgate.server.testing.Http;
import io.scimgate.server.testing.HttpReply;
import io.scimgate.server.testing.StatementCounter;
import io.scimgate.server.testing.TestServer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A user's read-only {@code groups} (RFC 7643 §4.1.2): computed, shown unless excluded, read only when shown. */
class ScimUserGroupsTest {

    private static TestServer server;
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
    void directory() {
        directory = server.newDirectory("okta");
        scim = directory.scim();
    }

    private String createUser(String userName) {
        HttpReply created = scim.post("Users", "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + "\"userName\":\"" + userName + "\"}");
        assertEquals(201, created.status(), created::toString);
        assertFalse(created.json().has("groups"), "a new user is in no group");
        return created.json().get("id").asText();
    }

    private String createGroup(String name, String... members) {
        StringBuilder list = new StringBuilder();
        for (String member : members) {
            list.append(list.length() == 0 ? "" : ",").append("{\"value\":\"").append(member).append("\"}");
        }
        HttpReply created = scim.post("Groups", "{\"displayName\":\"" + name + "\",\"members\":[" + list + "]}");
        assertEquals(201, created.status(), created::toString);
        return created.json().get("id").asText();
    }

    @Test
    void aUserShowsTheGroupsItIsInWithValueDisplayAndRef() {
        String ana = createUser("ana@acme.example");
        String eng = createGroup("Eng", ana);
        String ops = createGroup("Ops", ana);
        JsonNode user = scim.get("Users/" + ana).json();
        assertEquals(2, user.get("groups").size(), user::toString);
        assertEquals(eng, user.at("/groups/0/value").asText());
        assertEquals("Eng", user.at("/groups/0/display").asText());
        assertEquals(directory.scimBaseUrl() + "/Groups/" + eng, user.at("/groups/0/$ref").asText());
        assertEquals(ops, user.at("/groups/1/value").asText());

        JsonNode listed = scim.get("Users?filter=userName%20eq%20%22ana@acme.example%22").json();
        assertEquals(2, listed.at("/Resources/0/groups").size(), "lists show them too");

        assertFalse(scim.get("Users/" + ana + "?excludedAttributes=groups").json().has("groups"));
        assertFalse(scim.get("Users/" + ana + "?attributes=userName").json().has("groups"));
        assertEquals(2, scim.get("Users/" + ana + "?attributes=groups").json().get("groups").size());
    }

    @Test
    void groupsSentByAClientAreIgnoredAndTheDirectorysGroupsShown() {
        String bo = createUser("bo@acme.example");
        String eng = createGroup("Eng", bo);
        HttpReply replaced = scim.put("Users/" + bo, "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],"
                + "\"userName\":\"bo@acme.example\",\"groups\":[{\"value\":\"made-up\",\"display\":\"Made up\"}]}");
        assertEquals(200, replaced.status(), replaced::toString);
        assertEquals(List.of(eng), List.of(replaced.json().at("/groups/0/value").asText()));
        assertEquals(1, replaced.json().get("groups").size());

        assertEquals(204, scim.delete("Groups/" + eng).status());
        assertFalse(scim.get("Users/" + bo).json().has("groups"), "no group, no groups attribute");
    }

    @Test
    void theGroupsAreReadWithOneQueryAndNotAtAllWhenExcluded() {
        TestDatabase database = TestDatabases.create();
        StatementCounter counter = new StatementCounter();
        try (HikariDataSource pool = database.dataSource()) {
            ProvisioningCore core = ProvisioningCore.builder().dataSource(counter.wrap(pool)).build();
            ScimUserRepository users = new ScimResources(core).users();
            Directory okta = core.directories().create(core.organizations().create("Acme").id(), "Okta",
                    DirectoryProvider.OKTA).directory();
            String ana = core.directoryUsers().create(okta.id(), new DirectoryUserData("ana", null, true, null, null, null,
                    List.of(), null, null, null, "{\"userName\":\"ana\"}")).id();
            for (int i = 0; i < 30; i++) {
                core.directoryGroups().create(okta.id(), new DirectoryGroupData("G" + i, null, "{}"), List.of(ana));
            }
            // Only this thread's statements: the event relay publishes the setup's events in the background.
            counter.countOnly(Thread.currentThread());
            ScimRequest.begin(new ScimRequest(okta, "http://127.0.0.1/scim/v2/" + okta.id(), IfMatch.NONE));
            try {
                ObjectNode shown = read(users, ana, AttributeSelection.DEFAULT, counter);
                long withGroups = counter.statements();
                ObjectNode hidden = read(users, ana, AttributeSelection.parse(null, "groups", users.paths()), counter);
                long withoutGroups = counter.statements();
                assertEquals(30, shown.get("groups").size());
                assertFalse(hidden.has("groups"));
                assertEquals(withoutGroups + 1, withGroups, "one query for all 30 groups, none when excluded");
            } finally {
                ScimRequest.end();
            }
        } finally {
            TestDatabases.drop(database);
        }
    }

    private static ObjectNode read(ScimUserRepository users, String id, AttributeSelection selection, StatementCounter counter) {
        counter.reset();
        return users.find(id).orElseThrow().resource(selection);
    }
}
