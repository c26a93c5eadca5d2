package io.scimgate.server.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.server.testing.Http;
import io.scimgate.server.testing.HttpReply;
import io.scimgate.server.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AdminApiTest {

    private static TestServer server;
    private static Http admin;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        admin = server.admin().http();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static JsonNode assertAdminError(HttpReply reply, int status, String code) {
        assertEquals(status, reply.status(), reply::toString);
        assertTrue(reply.contentType().startsWith("application/json"), reply.contentType());
        JsonNode error = reply.json();
        assertEquals(code, error.get("code").asText(), reply::toString);
        assertFalse(error.get("message").asText().isBlank());
        assertFalse(reply.body().contains("\tat "));
        return error;
    }

    @Test
    void theReadmeWalkthroughWorks() {
        HttpReply organization = admin.post("organizations", "{\"name\":\"Acme\"}");
        assertEquals(201, organization.status(), organization::toString);
        String orgId = organization.json().get("id").asText();
        assertEquals("Acme", organization.json().get("name").asText());
        assertEquals(server.url() + "/admin/v1/organizations/" + orgId, organization.header("Location").orElseThrow());

        HttpReply domain = admin.post("organizations/" + orgId + "/domains", "{\"domain\":\"Acme.com\",\"verification\":\"manual\"}");
        assertEquals(201, domain.status(), domain::toString);
        assertEquals("acme.com", domain.json().get("domain").asText());
        assertEquals("pending", domain.json().get("state").asText());
        HttpReply verified = admin.post("organizations/" + orgId + "/domains/" + domain.json().get("id").asText() + "/verify", "");
        assertEquals(200, verified.status(), verified::toString);
        assertEquals("verified", verified.json().get("state").asText());

        HttpReply directory = admin.post("organizations/" + orgId + "/directories", "{\"name\":\"Okta\",\"provider\":\"okta\"}");
        assertEquals(201, directory.status(), directory::toString);
        JsonNode created = directory.json();
        String directoryId = created.get("id").asText();
        assertEquals("okta", created.get("provider").asText());
        assertEquals(server.url() + "/scim/v2/" + directoryId, created.get("scimBaseUrl").asText());
        assertTrue(created.get("token").asText().startsWith("sgd_"));

        JsonNode listed = admin.get("organizations/" + orgId + "/directories").json();
        assertEquals(directoryId, listed.at("/data/0/id").asText());
        assertFalse(listed.at("/data/0").has("token"), "the token is shown only at creation");
        assertNull(admin.get("directories/" + directoryId).json().get("token"));

        HttpReply scim = new Http(created.get("scimBaseUrl").asText()).bearer(created.get("token").asText())
                .post("Users", "{\"userName\":\"ana@acme.com\"}");
        assertEquals(201, scim.status(), scim::toString);
    }

    @Test
    void dnsDomainsShowTheRecordToPublish() {
        String orgId = admin.post("organizations", "{\"name\":\"Dns\"}").json().get("id").asText();
        JsonNode domain = admin.post("organizations/" + orgId + "/domains", "{\"domain\":\"dns.example\",\"verification\":\"dns\"}").json();
        assertEquals("TXT", domain.at("/dnsRecord/type").asText());
        assertEquals("_scimgate-verification.dns.example", domain.at("/dnsRecord/name").asText());
        assertTrue(domain.at("/dnsRecord/value").asText().startsWith("scimgate-domain-verification="));
    }

    @Test
    void tokensRotate() {
        String orgId = admin.post("organizations", "{\"name\":\"Rotate\"}").json().get("id").asText();
        JsonNode directory = admin.post("organizations/" + orgId + "/directories", "{\"name\":\"Entra\",\"provider\":\"entra\"}").json();
        String directoryId = directory.get("id").asText();
        HttpReply second = admin.post("directories/" + directoryId + "/tokens", "");
        assertEquals(201, second.status(), second::toString);
        assertAdminError(admin.post("directories/" + directoryId + "/tokens", ""), 409, "too_many_tokens");
        String firstTokenId = admin.get("directories/" + directoryId + "/tokens").json().at("/data/0/id").asText();
        assertEquals(204, admin.delete("directories/" + directoryId + "/tokens/" + firstTokenId).status());
        Http scim = new Http(directory.get("scimBaseUrl").asText());
        assertEquals(401, scim.bearer(directory.get("token").asText()).get("Users").status());
        assertEquals(200, scim.bearer(second.json().get("token").asText()).get("Users").status());
    }

    @Test
    void errorsHaveACodeAndAMessage() {
        assertAdminError(new Http(server.url() + "/admin/v1").get("organizations"), 401, "unauthorized");
        assertAdminError(new Http(server.url() + "/admin/v1").bearer("wrong").get("organizations"), 401, "unauthorized");
        assertAdminError(admin.post("organizations", "{\"name\":"), 400, "invalid_json");
        assertAdminError(admin.post("organizations", "{\"name\":\"  \"}"), 400, "name_required");
        assertAdminError(admin.post("organizations", "{\"nom\":\"Acme\"}"), 400, "unknown_field");
        assertAdminError(admin.post("organizations", ""), 400, "body_required");
        assertAdminError(admin.get("organizations/missing"), 404, "organization_not_found");
        assertAdminError(admin.get("nothing/here"), 404, "not_found");
        assertAdminError(admin.delete("organizations"), 405, "method_not_allowed");

        String orgId = admin.post("organizations", "{\"name\":\"Errors\"}").json().get("id").asText();
        assertAdminError(admin.post("organizations/" + orgId + "/domains", "{\"domain\":\"gmail.com\",\"verification\":\"dns\"}"),
                400, "consumer_domain");
        assertAdminError(admin.post("organizations/" + orgId + "/domains", "{\"domain\":\"not a domain\"}"), 400, "invalid_domain");
        assertAdminError(admin.post("organizations/" + orgId + "/domains", "{\"domain\":\"x.example\",\"verification\":\"carrier-pigeon\"}"),
                400, "invalid_verification_strategy");
        assertEquals(201, admin.post("organizations/" + orgId + "/domains", "{\"domain\":\"x.example\"}").status());
        assertAdminError(admin.post("organizations/" + orgId + "/domains", "{\"domain\":\"X.example.\"}"), 409, "domain_already_added");
        assertAdminError(admin.post("organizations/" + orgId + "/directories", "{\"name\":\"W\",\"provider\":\"workday\"}"),
                400, "invalid_provider");
        assertAdminError(admin.post("organizations/missing/directories", "{\"name\":\"W\",\"provider\":\"okta\"}"),
                404, "organization_not_found");
        assertEquals(0, admin.get("organizations/" + orgId + "/directories").json().get("data").size());
    }
}
