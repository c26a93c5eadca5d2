package io.scimgate.server.scim;

import static io.scimgate.server.scim.ScimErrorsTest.assertScimError;
import static io.scimgate.server.testing.ScimJson.group;
import static io.scimgate.server.testing.ScimJson.patch;
import static io.scimgate.server.testing.ScimJson.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.core.events.Event;
import io.scimgate.server.testing.HttpReply;
import io.scimgate.server.testing.ServerTest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /Groups as Entra, Okta, OneLogin and JumpCloud drive it (IDP-QUIRKS.md §11, scenarios 7–11 and 21–23). */
class ScimGroupsTest extends ServerTest {

    private String u1;
    private String u2;
    private String u3;

    @BeforeEach
    void users() {
        u1 = createUser("u1@corp.example");
        u2 = createUser("u2@corp.example");
        u3 = createUser("u3@corp.example");
    }

    private String createUser(String userName) {
        HttpReply created = scim.post("Users", user(userName, "ext-" + userName));
        assertEquals(201, created.status(), created::toString);
        return created.json().get("id").asText();
    }

    private String createGroup(String displayName, String... members) {
        HttpReply created = scim.post("Groups", group(displayName, members));
        assertEquals(201, created.status(), created::toString);
        return created.json().get("id").asText();
    }

    private Set<String> members(String groupId) {
        JsonNode group = scim.get("Groups/" + groupId).json();
        Set<String> ids = new TreeSet<>();
        group.path("members").forEach(member -> ids.add(member.get("value").asText()));
        return ids;
    }

    private HttpReply patchGroup(String groupId, String operations) {
        return scim.patch("Groups/" + groupId, patch(operations));
    }

    private JsonNode filter(String filter) {
        HttpReply reply = scim.get("Groups?filter=" + URLEncoder.encode(filter, StandardCharsets.UTF_8));
        assertEquals(200, reply.status(), reply::toString);
        return reply.json();
    }

    @Test
    void createReturnsTheGroupWithItsMembersMetaAndHeaders() {
        HttpReply created = scim.post("Groups", group("Engineering", u1, u2));
        assertEquals(201, created.status(), created::toString);
        JsonNode body = created.json();
        String id = body.get("id").asText();
        String location = directory.scimBaseUrl() + "/Groups/" + id;
        assertEquals(location, created.header("Location").orElseThrow());
        assertEquals("W/\"1\"", created.header("ETag").orElseThrow());
        assertEquals("Group", body.at("/meta/resourceType").asText());
        assertEquals("Engineering", body.get("displayName").asText());
        assertEquals(2, body.get("members").size());
        JsonNode member = StreamSupport.stream(body.get("members").spliterator(), false)
                .filter(m -> m.get("value").asText().equals(u1)).findFirst().orElseThrow();
        assertEquals(directory.scimBaseUrl() + "/Users/" + u1, member.get("$ref").asText());
        assertEquals("User", member.get("type").asText());
    }

    @Test
    void unknownMemberIdsAreDroppedNotAnError() {
        HttpReply created = scim.post("Groups", group("Eng", u1, "no-such-user"));
        assertEquals(201, created.status(), created::toString);
        assertEquals(Set.of(u1), members(created.json().get("id").asText()));
        String id = created.json().get("id").asText();
        assertEquals(204, patchGroup(id, "[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"ghost\"}]}]").status());
        assertEquals(Set.of(u1), members(id));
    }

    @Test
    void entraPushCreatesEmptyThenAddsMembersWithCapitalisedOps() {
        String id = createGroup("Sales");
        HttpReply added = patchGroup(id, """
                [{"op":"Add","path":"members","value":[{"$ref":null,"value":"%s"},{"$ref":null,"value":"%s"}]}]
                """.formatted(u1, u2));
        assertEquals(204, added.status(), added::toString);
        assertEquals("W/\"2\"", added.header("ETag").orElseThrow());
        assertEquals(new TreeSet<>(Set.of(u1, u2)), members(id));
    }

    @Test
    void entraRemovesOnlyListedMembers() {
        String id = createGroup("Eng", u1, u2, u3);
        assertEquals(204, patchGroup(id, "[{\"op\":\"Remove\",\"path\":\"members\",\"value\":[{\"value\":\"" + u2 + "\"}]}]").status());
        assertEquals(new TreeSet<>(Set.of(u1, u3)), members(id));
    }

    @Test
    void flaggedEntraRemovesAMemberByFilterAndARepeatStillSucceeds() {
        String id = createGroup("Eng", u1, u2);
        String remove = "[{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + u1 + "\\\"]\"}]";
        assertEquals(204, patchGroup(id, remove).status());
        assertEquals(Set.of(u2), members(id));
        assertEquals(204, patchGroup(id, remove).status());
        assertEquals(Set.of(u2), members(id));
    }

    @Test
    void removeMembersWithoutValueEmptiesTheGroup() {
        String id = createGroup("Eng", u1, u2);
        assertEquals(204, patchGroup(id, "[{\"op\":\"remove\",\"path\":\"members\"}]").status());
        assertEquals(Set.of(), members(id));
    }

    @Test
    void oktaEmptyPushReplacesMembersWithNothing() {
        String id = createGroup("Eng", u1, u2);
        assertEquals(204, patchGroup(id, "[{\"op\":\"replace\",\"path\":\"members\",\"value\":[]}]").status());
        assertEquals(Set.of(), members(id));
    }

    @Test
    void oktaRenameWithIdKeepsMembersAndId() {
        String id = createGroup("Eng", u1, u2);
        HttpReply renamed = patchGroup(id, "[{\"op\":\"replace\",\"value\":{\"id\":\"" + id + "\",\"displayName\":\"Eng2\"}}]");
        assertEquals(204, renamed.status(), renamed::toString);
        JsonNode group = scim.get("Groups/" + id).json();
        assertEquals("Eng2", group.get("displayName").asText());
        assertEquals(id, group.get("id").asText());
        assertEquals(new TreeSet<>(Set.of(u1, u2)), members(id));
    }

    @Test
    void repeatedAddsAreIdempotent() {
        String id = createGroup("Eng", u1);
        String add = "[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + u1 + "\"}]}]";
        HttpReply again = patchGroup(id, add);
        assertEquals(204, again.status());
        assertEquals("W/\"1\"", again.header("ETag").orElseThrow(), "nothing changed, so the version stays");
        assertEquals(Set.of(u1), members(id));
    }

    @Test
    void oneLoginLowercaseAddAndReplaceByPathlessValue() {
        String id = createGroup("Eng");
        assertEquals(204, patchGroup(id, "[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + u3 + "\"}]}]").status());
        assertEquals(204, patchGroup(id, "[{\"op\":\"replace\",\"value\":{\"members\":[{\"value\":\"" + u1 + "\"}]}}]").status());
        assertEquals(Set.of(u1), members(id));
    }

    @Test
    void patchAnswersTheGroupWhenAttributesAreAskedFor() {
        String id = createGroup("Eng", u1);
        HttpReply reply = scim.patch("Groups/" + id + "?excludedAttributes=members",
                patch("[{\"op\":\"replace\",\"path\":\"displayName\",\"value\":\"Platform\"}]"));
        assertEquals(200, reply.status(), reply::toString);
        assertEquals("Platform", reply.json().get("displayName").asText());
        assertFalse(reply.json().has("members"));
    }

    @Test
    void membersAreChangedByValueOnlyAndOtherMemberPathsAreRefused() {
        String id = createGroup("Eng", u1);
        assertScimError(patchGroup(id, "[{\"op\":\"replace\",\"path\":\"members.display\",\"value\":\"x\"}]"), 400, "mutability");
        assertScimError(patchGroup(id, "[{\"op\":\"add\",\"path\":\"members[value eq \\\"x\\\"]\",\"value\":{}}]"), 400, "invalidPath");
        assertScimError(patchGroup(id, "[{\"op\":\"remove\",\"path\":\"members[display co \\\"x\\\"]\"}]"), 400, "invalidFilter");
        assertScimError(patchGroup(id, "[{\"op\":\"replace\",\"path\":\"nickName\",\"value\":\"x\"}]"), 400, "invalidPath");
        assertEquals(Set.of(u1), members(id));
    }

    @Test
    void excludedMembersAreLeftOutOfReadsAndFilters() {
        String id = createGroup("Eng", u1);
        JsonNode read = scim.get("Groups/" + id + "?excludedAttributes=members").json();
        assertFalse(read.has("members"));
        assertEquals("Eng", read.get("displayName").asText());
        HttpReply listed = scim.get("Groups?excludedAttributes=members&filter="
                + URLEncoder.encode("displayName eq \"eng\"", StandardCharsets.UTF_8));
        assertEquals(1, listed.json().get("totalResults").asInt(), listed::toString);
        assertFalse(listed.json().at("/Resources/0").has("members"));
    }

    @Test
    void filtersByDisplayNameExternalIdAndMember() {
        String eng = createGroup("Eng", u1, u2);
        assertEquals(201, scim.post("Groups", "{\"displayName\":\"Ops\",\"externalId\":\"G-7\",\"members\":[{\"value\":\"" + u2 + "\"}]}").status());
        assertEquals(1, filter("displayName eq \"ENG\"").get("totalResults").asInt());
        assertEquals(1, filter("externalId eq \"G-7\"").get("totalResults").asInt());
        assertEquals(0, filter("externalId eq \"g-7\"").get("totalResults").asInt());
        assertEquals(2, filter("members[value eq \"" + u2 + "\"]").get("totalResults").asInt());
        JsonNode onlyEng = filter("members.value eq \"" + u1 + "\"");
        assertEquals(1, onlyEng.get("totalResults").asInt());
        assertEquals(eng, onlyEng.at("/Resources/0/id").asText());
        assertScimError(scim.get("Groups?filter=" + URLEncoder.encode("members.display eq \"x\"", StandardCharsets.UTF_8)),
                400, "invalidFilter");
    }

    @Test
    void putReplacesTheGroupAndItsMembers() {
        String id = createGroup("Eng", u1, u2);
        HttpReply replaced = scim.put("Groups/" + id, group("Engineering", u2, u3));
        assertEquals(200, replaced.status(), replaced::toString);
        assertEquals("Engineering", replaced.json().get("displayName").asText());
        assertEquals(new TreeSet<>(Set.of(u2, u3)), members(id));
        HttpReply renameOnly = scim.put("Groups/" + id, "{\"displayName\":\"Eng\"}");
        assertEquals(200, renameOnly.status(), renameOnly::toString);
        assertEquals(new TreeSet<>(Set.of(u2, u3)), members(id), "a PUT without members leaves them");
    }

    @Test
    void deleteRemovesTheGroupAndKeepsItsUsers() {
        String id = createGroup("Eng", u1);
        assertEquals(204, scim.delete("Groups/" + id).status());
        assertScimError(scim.get("Groups/" + id), 404, null);
        assertScimError(scim.delete("Groups/" + id), 404, null);
        assertEquals(200, scim.get("Users/" + u1).status());
    }

    @Test
    void aDeletedUserLeavesItsGroups() {
        String id = createGroup("Eng", u1, u2);
        assertEquals(204, scim.delete("Users/" + u1).status());
        assertEquals(Set.of(u2), members(id));
    }

    @Test
    void ifMatchGuardsGroupWrites() {
        String id = createGroup("Eng", u1);
        String body = patch("[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + u2 + "\"}]}]");
        assertScimError(scim.send("PATCH", "Groups/" + id, body, Map.of("If-Match", "W/\"5\"")), 412, null);
        assertEquals(Set.of(u1), members(id));
        assertEquals(204, scim.send("PATCH", "Groups/" + id, body, Map.of("If-Match", "W/\"1\"")).status());
    }

    @Test
    void membershipChangesEmitEvents() {
        String id = createGroup("Eng", u1);
        patchGroup(id, "[{\"op\":\"add\",\"path\":\"members\",\"value\":[{\"value\":\"" + u2 + "\"}]},"
                + "{\"op\":\"remove\",\"path\":\"members[value eq \\\"" + u1 + "\\\"]\"}]");
        var types = server.server().core().events().list(0, 100, Set.of(), directory.organizationId()).stream()
                .map(Event::event).toList();
        assertTrue(types.contains("dsync.group.created"), types::toString);
        assertEquals(2, types.stream().filter("dsync.group.user_added"::equals).count(), types::toString);
        assertEquals(1, types.stream().filter("dsync.group.user_removed"::equals).count(), types::toString);
    }

    @Test
    void anotherDirectoryNeverSeesTheseGroups() {
        String id = createGroup("Eng", u1);
        var other = server.newDirectory("generic").scim();
        assertScimError(other.get("Groups/" + id), 404, null);
        assertEquals(0, other.get("Groups").json().get("totalResults").asInt());
        assertEquals(201, other.post("Groups", group("Theirs")).status());
        HttpReply foreignMember = other.post("Groups", group("Theirs2", u1));
        assertEquals(0, foreignMember.json().path("members").size(), "a user of another directory is not a member");
    }
}
