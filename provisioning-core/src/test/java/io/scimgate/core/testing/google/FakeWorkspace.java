package io.scimgate.core.testing.google;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The users, groups and memberships of a pretend Google Workspace customer, in the Admin SDK's
 * JSON shapes. Tests change it between syncs as an admin would in the Admin console.
 */
public final class FakeWorkspace {

    public static final String CUSTOMER_ID = "C03fake01";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, ObjectNode> users = new LinkedHashMap<>();
    private final Map<String, ObjectNode> groups = new LinkedHashMap<>();
    private final Map<String, List<ObjectNode>> members = new LinkedHashMap<>();
    private final Set<String> hiddenFromListing = new HashSet<>();

    /** Adds an active user whose only address is its primary e-mail; returns it for further changes. */
    public synchronized ObjectNode addUser(String id, String primaryEmail, String givenName, String familyName) {
        ObjectNode user = JSON.createObjectNode()
                .put("kind", "admin#directory#user")
                .put("id", id)
                .put("primaryEmail", primaryEmail);
        user.putObject("name").put("givenName", givenName).put("familyName", familyName)
                .put("fullName", givenName + " " + familyName);
        user.put("isAdmin", false).put("suspended", false).put("archived", false)
                .put("customerId", CUSTOMER_ID).put("orgUnitPath", "/")
                .put("creationTime", "2024-01-02T03:04:05.000Z").put("lastLoginTime", "2024-05-06T07:08:09.000Z");
        user.putArray("emails").addObject().put("address", primaryEmail).put("primary", true);
        users.put(id, user);
        return user;
    }

    /** Adds a user record without primaryEmail and emails (Google's "should not happen", seen in partial data). */
    public synchronized ObjectNode addUserWithoutEmail(String id, String givenName, String familyName) {
        ObjectNode user = JSON.createObjectNode().put("kind", "admin#directory#user").put("id", id);
        user.putObject("name").put("givenName", givenName).put("familyName", familyName)
                .put("fullName", givenName + " " + familyName);
        user.put("suspended", false).put("archived", false).put("customerId", CUSTOMER_ID);
        users.put(id, user);
        return user;
    }

    public synchronized void changeUser(String id, Consumer<ObjectNode> change) {
        change.accept(required(users, id));
    }

    /** Renames the primary e-mail; as Google does, the old address stays on the user as an alias. */
    public synchronized void renameUser(String id, String newPrimaryEmail) {
        ObjectNode user = required(users, id);
        String old = user.get("primaryEmail").asText();
        user.put("primaryEmail", newPrimaryEmail);
        ArrayNode emails = user.putArray("emails");
        emails.addObject().put("address", newPrimaryEmail).put("primary", true);
        emails.addObject().put("address", old);
        user.putArray("aliases").add(old);
    }

    /** Records a sign-in: Google changes the etag, nothing else about the person changed. */
    public synchronized void signIn(String id, String at) {
        required(users, id).put("lastLoginTime", at);
    }

    /**
     * Leaves the user out of users.list while users.get still finds it: what paging over a
     * directory that changes meanwhile can do.
     */
    public synchronized void hideFromListing(String id) {
        required(users, id);
        hiddenFromListing.add(id);
    }

    public synchronized void removeUser(String id) {
        users.remove(id);
        members.values().forEach(list -> list.removeIf(member -> member.get("id").asText().equals(id)));
    }

    public synchronized ObjectNode addGroup(String id, String email, String name) {
        ObjectNode group = JSON.createObjectNode()
                .put("kind", "admin#directory#group")
                .put("id", id)
                .put("email", email)
                .put("name", name)
                .put("description", name + " team")
                .put("adminCreated", true);
        groups.put(id, group);
        members.put(id, new ArrayList<>());
        return group;
    }

    public synchronized void changeGroup(String id, Consumer<ObjectNode> change) {
        change.accept(required(groups, id));
    }

    public synchronized void removeGroup(String id) {
        groups.remove(id);
        members.remove(id);
        members.values().forEach(list -> list.removeIf(member -> member.get("id").asText().equals(id)));
    }

    public synchronized void addUserMember(String groupId, String userId) {
        ObjectNode user = required(users, userId);
        required(members, groupId).add(JSON.createObjectNode()
                .put("kind", "admin#directory#member")
                .put("id", userId)
                .put("email", user.path("primaryEmail").asText(null))
                .put("role", "MEMBER")
                .put("type", "USER")
                .put("status", "ACTIVE"));
    }

    public synchronized void addGroupMember(String groupId, String nestedGroupId) {
        required(members, groupId).add(JSON.createObjectNode()
                .put("kind", "admin#directory#member")
                .put("id", nestedGroupId)
                .put("email", required(groups, nestedGroupId).get("email").asText())
                .put("role", "MEMBER")
                .put("type", "GROUP"));
    }

    /** A member Google lists but that is no user of this customer: "everyone in the organization". */
    public synchronized void addCustomerMember(String groupId) {
        required(members, groupId).add(JSON.createObjectNode()
                .put("kind", "admin#directory#member")
                .put("id", CUSTOMER_ID)
                .put("role", "MEMBER")
                .put("type", "CUSTOMER"));
    }

    public synchronized void removeMember(String groupId, String memberId) {
        required(members, groupId).removeIf(member -> member.get("id").asText().equals(memberId));
    }

    synchronized List<ObjectNode> users(boolean fullProjection) {
        List<ObjectNode> copies = new ArrayList<>();
        for (ObjectNode user : users.values()) {
            if (hiddenFromListing.contains(user.get("id").asText())) {
                continue;
            }
            ObjectNode copy = user.deepCopy();
            if (!fullProjection) {
                copy.remove("customSchemas");
            }
            copies.add(withEtag(copy));
        }
        return copies;
    }

    /** The user with this id or primary e-mail, or null. */
    synchronized ObjectNode user(String userKey, boolean fullProjection) {
        for (ObjectNode user : users.values()) {
            if (user.get("id").asText().equals(userKey) || userKey.equalsIgnoreCase(user.path("primaryEmail").asText())) {
                ObjectNode copy = user.deepCopy();
                if (!fullProjection) {
                    copy.remove("customSchemas");
                }
                return withEtag(copy);
            }
        }
        return null;
    }

    synchronized List<ObjectNode> groups() {
        List<ObjectNode> copies = new ArrayList<>();
        for (ObjectNode group : groups.values()) {
            ObjectNode copy = group.deepCopy().put("directMembersCount", String.valueOf(members.get(group.get("id").asText()).size()));
            copies.add(withEtag(copy));
        }
        return copies;
    }

    /** The members of a group named by id or e-mail, or null when there is no such group. */
    synchronized List<ObjectNode> members(String groupKey) {
        for (ObjectNode group : groups.values()) {
            if (group.get("id").asText().equals(groupKey) || group.get("email").asText().equalsIgnoreCase(groupKey)) {
                return members.get(group.get("id").asText()).stream().map(member -> withEtag(member.deepCopy())).toList();
            }
        }
        return null;
    }

    /** Google's etags change whenever the resource does; a hash of the content behaves the same. */
    private static ObjectNode withEtag(ObjectNode resource) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(resource.toString().getBytes(StandardCharsets.UTF_8));
            return resource.put("etag", "\"" + HexFormat.of().formatHex(digest, 0, 12) + "\"");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T required(Map<String, T> map, String id) {
        T value = map.get(id);
        if (value == null) {
            throw new IllegalArgumentException("No " + id + " in the fake workspace");
        }
        return value;
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
