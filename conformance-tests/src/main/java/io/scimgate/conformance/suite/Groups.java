package io.scimgate.conformance.suite;

import static io.scimgate.conformance.suite.Json.expect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.conformance.http.Http;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Writing and reading SCIM groups in assertions: bodies as IdPs build them, members as read back with GET. */
final class Groups {

    private Groups() {
    }

    /** {@code [{"value":"a"},{"value":"b"}]}: members as every IdP names them, by id. */
    static String memberList(List<String> userIds) {
        List<String> members = new ArrayList<>();
        userIds.forEach(id -> members.add("{\"value\":\"" + id + "\"}"));
        return "[" + String.join(",", members) + "]";
    }

    /** A PATCH of one member operation with a value list, {@code op} in the IdP's case ("add", "Remove"…). */
    static String membersPatch(String op, List<String> userIds) {
        return Json.patch("[{\"op\":\"" + op + "\",\"path\":\"members\",\"value\":" + memberList(userIds) + "}]");
    }

    /** A whole group as POST and PUT carry it. */
    static String group(String displayName, List<String> memberIds) {
        return "{\"schemas\":[\"" + Json.GROUP + "\"],\"displayName\":\"" + displayName + "\",\"members\":"
                + memberList(memberIds) + "}";
    }

    /** The member ids of a group as {@code GET /Groups/{id}} answers them, in its order. */
    static List<String> members(Http scim, String groupId) {
        JsonNode group = expect(200, scim.get("Groups/" + groupId));
        List<String> ids = new ArrayList<>();
        if (group.has("members")) {
            group.get("members").forEach(member -> ids.add(member.get("value").asText()));
        }
        return ids;
    }

    /** GET of the group lists exactly these members, once each, in any order. */
    static void assertMembers(Http scim, String groupId, List<String> expected) {
        assertEquals(sorted(expected), sorted(members(scim, groupId)), "members of group " + groupId);
    }

    /**
     * The organization's {@code dsync.group.user_added} or {@code …user_removed} events of a group name
     * exactly these directory users, once each (in any order: one request may add several).
     */
    static void assertMemberEvents(Tenant tenant, String type, String groupId, List<String> expected) {
        assertEquals(sorted(expected), sorted(tenant.memberEvents(type, groupId)), type + " events of group " + groupId);
    }

    private static List<String> sorted(List<String> ids) {
        List<String> copy = new ArrayList<>(ids);
        Collections.sort(copy);
        return copy;
    }

    /** Deletes a group as every IdP does: 204, then the group answers 404 to GET and to a second DELETE. */
    static void deleteAndExpectGone(Http scim, String groupId) {
        expect(204, scim.delete("Groups/" + groupId));
        expect(404, scim.get("Groups/" + groupId));
        expect(404, scim.delete("Groups/" + groupId));
    }

    /** The groups whose displayName equals {@code displayName} (ignoring case), as IdPs look them up. */
    static JsonNode byDisplayName(Http scim, String displayName, String extraQuery) {
        JsonNode list = expect(200, scim.get("Groups?" + Json.filter("displayName eq \"" + displayName + "\"") + extraQuery));
        assertEquals(Json.LIST, list.at("/schemas/0").asText());
        assertTrue(list.get("totalResults").isInt(), list::toString);
        return list;
    }
}
