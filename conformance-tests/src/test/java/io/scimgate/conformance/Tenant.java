package io.scimgate.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.server.testing.AdminClient;
import io.scimgate.server.testing.DirectoryAccess;
import io.scimgate.server.testing.Http;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * One customer of the product for one test: a fresh organization with its own verified domain and
 * a directory of the provider under test, so tests never depend on each other's data.
 */
final class Tenant {

    final AdminClient admin = ServerUnderTest.admin();
    final String organizationId;
    final String domain;
    final DirectoryAccess directory;
    final Http scim;

    private Tenant(String provider) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        domain = "corp-" + tag + ".example";
        organizationId = admin.createOrganization("Conformance " + provider + " " + tag);
        admin.addVerifiedDomain(organizationId, domain);
        directory = admin.createDirectory(organizationId, provider + " directory", provider);
        scim = directory.scim();
    }

    static Tenant of(String provider) {
        return new Tenant(provider);
    }

    /** Another directory of the same organization, e.g. a second IdP. */
    DirectoryAccess secondDirectory(String provider) {
        return admin.createDirectory(organizationId, provider + " second directory", provider);
    }

    /** An address on the organization's verified domain. */
    String employee(String name) {
        return name + "@" + domain;
    }

    JsonNode user(String email) {
        JsonNode page = admin.get("users?email=" + email);
        if (page.get("data").size() != 1) {
            throw new AssertionError("expected one user " + email + ", got " + page);
        }
        return page.at("/data/0");
    }

    boolean hasUser(String email) {
        return admin.get("users?email=" + email).get("data").size() == 1;
    }

    /** The organization's membership of the person with this email, or null. */
    JsonNode membership(String email) {
        for (JsonNode membership : admin.get("organizations/" + organizationId + "/memberships").get("data")) {
            if (membership.get("email").asText().equalsIgnoreCase(email)) {
                return membership;
            }
        }
        return null;
    }

    String membershipStatus(String email) {
        JsonNode membership = membership(email);
        return membership == null ? "none" : membership.get("status").asText();
    }

    JsonNode provisioning(String directoryUserId) {
        return admin.get("directories/" + directory.id() + "/users/" + directoryUserId).get("provisioning");
    }

    List<JsonNode> pendingInvitations() {
        List<JsonNode> pending = new ArrayList<>();
        admin.get("invitations?organizationId=" + organizationId + "&state=pending").get("data").forEach(pending::add);
        return pending;
    }

    List<String> events(String types) {
        List<String> found = new ArrayList<>();
        admin.get("events?limit=100&organizationId=" + organizationId + "&events=" + types).get("data")
                .forEach(event -> found.add(event.get("event").asText()));
        return found;
    }
}
