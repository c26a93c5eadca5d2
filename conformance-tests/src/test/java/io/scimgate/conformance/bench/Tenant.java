package io.scimgate.conformance.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimgate.conformance.bench.HttpConnection.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Sets up what a workload runs against through the admin API, as an operator would. */
final class Tenant {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A directory of an organization whose domain is verified, with its SCIM URL and token. */
    record BenchDirectory(String id, String scimUrl, String token) {
    }

    private final ScimClient admin;
    private final String organizationId;
    private final String domain;

    private Tenant(ScimClient admin, String organizationId, String domain) {
        this.admin = admin;
        this.organizationId = organizationId;
        this.domain = domain;
    }

    /** A new organization that has verified {@code domain}. */
    static Tenant create(String serverUrl, String adminToken, String name, String domain) {
        ScimClient admin = new ScimClient(serverUrl + "/admin/v1", adminToken, "application/json");
        String organizationId = expect(admin, 201, "POST organizations", "organizations",
                "{\"name\":\"" + name + "\"}").get("id").asText();
        String domainId = expect(admin, 201, "POST domains", "organizations/" + organizationId + "/domains",
                "{\"domain\":\"" + domain + "\",\"verification\":\"manual\"}").get("id").asText();
        expect(admin, 200, "verify", "organizations/" + organizationId + "/domains/" + domainId + "/verify", "");
        return new Tenant(admin, organizationId, domain);
    }

    String domain() {
        return domain;
    }

    /** A directory whose request budget is lifted, so that the benchmark measures the server, not the limiter. */
    BenchDirectory directory(String name, String provider) {
        JsonNode created = expect(admin, 201, "POST directories", "organizations/" + organizationId + "/directories",
                "{\"name\":\"" + name + "\",\"provider\":\"" + provider + "\"}");
        String id = created.get("id").asText();
        try {
            Reply reply = admin.patch("directories/" + id,
                    "{\"rateLimit\":{\"requestsPerSecond\":1000000,\"burst\":1000000}}");
            if (reply.status() != 200) {
                throw new IllegalStateException("PATCH directory answered " + reply.status() + ": " + reply.text());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BenchDirectory(id, created.get("scimBaseUrl").asText(), created.get("token").asText());
    }

    private static JsonNode expect(ScimClient admin, int status, String what, String path, String body) {
        try {
            Reply reply = admin.post(path, body);
            if (reply.status() != status) {
                throw new IllegalStateException(what + " answered " + reply.status() + ": " + reply.text());
            }
            return JSON.readTree(reply.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
