package io.scimgate.conformance.suite;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.scimgate.conformance.http.AdminClient;
import io.scimgate.conformance.http.DirectoryAccess;
import io.scimgate.conformance.http.Http;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * One customer of the product for one test: a fresh organization with its own verified domain and
 * a directory of the provider under test, so tests never depend on each other's data.
 */
public final class Tenant {

    public final AdminClient admin = ServerUnderTest.admin();
    public final String organizationId;
    public final String domain;
    public final DirectoryAccess directory;
    public final Http scim;

    private Tenant(String provider) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        domain = "corp-" + tag + ".example";
        organizationId = admin.createOrganization("Conformance " + provider + " " + tag);
        admin.addVerifiedDomain(organizationId, domain);
        directory = admin.createDirectory(organizationId, provider + " directory", provider);
        scim = directory.scim();
    }

    public static Tenant of(String provider) {
        return new Tenant(provider);
    }

    /** Another directory of the same organization, e.g. a second IdP. */
    public DirectoryAccess secondDirectory(String provider) {
        return admin.createDirectory(organizationId, provider + " second directory", provider);
    }

    /** An address on the organization's verified domain. */
    public String employee(String name) {
        return name + "@" + domain;
    }

    public JsonNode user(String email) {
        JsonNode page = admin.get("users?email=" + email);
        if (page.get("data").size() != 1) {
            throw new AssertionError("expected one user " + email + ", got " + page);
        }
        return page.at("/data/0");
    }

    public boolean hasUser(String email) {
        return admin.get("users?email=" + email).get("data").size() == 1;
    }

    /** The organization's membership of the person with this email, or null. */
    public JsonNode membership(String email) {
        for (JsonNode membership : admin.get("organizations/" + organizationId + "/memberships").get("data")) {
            if (membership.get("email").asText().equalsIgnoreCase(email)) {
                return membership;
            }
        }
        return null;
    }

    public String membershipStatus(String email) {
        JsonNode membership = membership(email);
        return membership == null ? "none" : membership.get("status").asText();
    }

    public JsonNode provisioning(String directoryUserId) {
        return admin.get("directories/" + directory.id() + "/users/" + directoryUserId).get("provisioning");
    }

    public List<JsonNode> pendingInvitations() {
        List<JsonNode> pending = new ArrayList<>();
        admin.get("invitations?organizationId=" + organizationId + "&state=pending").get("data").forEach(pending::add);
        return pending;
    }

    public List<String> events(String types) {
        List<String> found = new ArrayList<>();
        admin.get("events?limit=100&organizationId=" + organizationId + "&events=" + types).get("data")
                .forEach(event -> found.add(event.get("event").asText()));
        return found;
    }

    /**
     * Employees on the verified domain pushed as plain SCIM users (userName and primary work email
     * {@code name@domain}), for tests whose subject is what happens to them afterwards; their ids in order.
     */
    public List<String> pushEmployees(String... names) {
        List<String> ids = new ArrayList<>();
        for (String name : names) {
            String email = employee(name);
            ids.add(Json.id(scim.post("Users", """
                    {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s",
                     "emails":[{"value":"%s","type":"work","primary":true}],"active":true}
                    """.formatted(email, email))));
        }
        return ids;
    }

    /**
     * The directory user ids named by the organization's {@code dsync.group.user_added} or
     * {@code dsync.group.user_removed} events of one group, oldest first.
     */
    public List<String> memberEvents(String type, String groupId) {
        List<String> userIds = new ArrayList<>();
        long after = 0;
        for (JsonNode page; !(page = admin.get("events?limit=100&organizationId=" + organizationId + "&events=" + type
                + "&after=" + after)).get("data").isEmpty(); after = page.at("/listMetadata/after").asLong()) {
            page.get("data").forEach(event -> {
                if (event.at("/data/group/id").asText().equals(groupId)) {
                    userIds.add(event.at("/data/user/id").asText());
                }
            });
        }
        return userIds;
    }

    /** Maps directory groups to roles (group id → role, all of one priority), replacing the organization's mappings. */
    public void mapGroupsToRoles(Map<String, String> roleByGroupId) {
        addRoles(roleByGroupId.values());
        StringBuilder mappings = new StringBuilder();
        roleByGroupId.forEach((groupId, role) -> mappings.append(mappings.length() == 0 ? "" : ",")
                .append("{\"groupId\":\"").append(groupId).append("\",\"role\":\"").append(role).append("\",\"priority\":10}"));
        JsonNode answer = Json.expect(200, admin.http().put("organizations/" + organizationId + "/group-roles",
                "{\"mappings\":[" + mappings + "]}"));
        if (answer.get("mappings").size() != roleByGroupId.size()) {
            throw new AssertionError("group-roles answered " + answer);
        }
    }

    /** Adds these roles to the organization's catalogue (RULES.md P26), keeping those it has. */
    public void addRoles(Collection<String> slugs) {
        ArrayNode roles = (ArrayNode)
                admin.get("organizations/" + organizationId + "/roles");
        Set<String> known = new HashSet<>();
        roles.forEach(role -> known.add(role.get("slug").asText()));
        for (String slug : new TreeSet<>(slugs)) {
            if (known.add(slug)) {
                roles.addObject().put("slug", slug).put("name", slug).put("default", false);
            }
        }
        Json.expect(200, admin.http().put("organizations/" + organizationId + "/roles", roles.toString()));
    }

    /** The role of the organization's membership of the person with this email. */
    public String role(String email) {
        JsonNode membership = membership(email);
        if (membership == null) {
            throw new AssertionError("no membership of " + email);
        }
        return membership.get("role").asText();
    }
}
