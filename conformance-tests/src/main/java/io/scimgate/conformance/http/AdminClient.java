package io.scimgate.conformance.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The admin API as an operator uses it, failing the test on any unexpected answer. */
public final class AdminClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Http http;

    public AdminClient(String serverUrl, String adminToken) {
        this.http = new Http(serverUrl + "/admin/v1").bearer(adminToken).withHeader("Content-Type", "application/json");
    }

    public Http http() {
        return http;
    }

    public String createOrganization(String name) {
        return expect(201, http.post("organizations", object().put("name", name).toString())).get("id").asText();
    }

    public String addDomain(String organizationId, String domain, String verification) {
        ObjectNode body = object().put("domain", domain).put("verification", verification);
        return expect(201, http.post("organizations/" + organizationId + "/domains", body.toString())).get("id").asText();
    }

    public void verifyDomain(String organizationId, String domainId) {
        expect(200, http.post("organizations/" + organizationId + "/domains/" + domainId + "/verify", ""));
    }

    /** Adds a domain verified by the operator. */
    public String addVerifiedDomain(String organizationId, String domain) {
        String id = addDomain(organizationId, domain, "manual");
        verifyDomain(organizationId, id);
        return id;
    }

    public DirectoryAccess createDirectory(String organizationId, String name, String provider) {
        ObjectNode body = object().put("name", name).put("provider", provider);
        JsonNode created = expect(201, http.post("organizations/" + organizationId + "/directories", body.toString()));
        return new DirectoryAccess(created.get("id").asText(), organizationId, created.get("scimBaseUrl").asText(),
                created.get("token").asText());
    }

    /** Gives the organization the roles {@code slugs} besides its default {@code member} (P26). */
    public void defineRoles(String organizationId, String... slugs) {
        StringBuilder roles = new StringBuilder("[{\"slug\":\"member\",\"name\":\"Member\",\"default\":true}");
        for (String slug : slugs) {
            roles.append(",{\"slug\":\"").append(slug).append("\",\"name\":\"").append(slug).append("\"}");
        }
        expect(200, http.put("organizations/" + organizationId + "/roles", roles.append(']').toString()));
    }

    public JsonNode get(String path) {
        return expect(200, http.get(path));
    }

    private static ObjectNode object() {
        return JSON.createObjectNode();
    }

    private static JsonNode expect(int status, HttpReply reply) {
        assertEquals(status, reply.status(), () -> "admin API answered " + reply);
        return reply.json();
    }
}
