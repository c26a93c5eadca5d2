package io.scimgate.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.server.testing.HttpReply;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Small helpers for reading SCIM answers in assertions. */
final class Json {

    static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
    static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";
    static final String LIST = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

    private Json() {
    }

    static String filter(String expression) {
        return "filter=" + URLEncoder.encode(expression, StandardCharsets.UTF_8);
    }

    static String patch(String operations) {
        return "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":" + operations + "}";
    }

    static JsonNode expect(int status, HttpReply reply) {
        if (reply.status() != status) {
            throw new AssertionError("expected " + status + " but got " + reply);
        }
        return reply.body().isEmpty() ? null : reply.json();
    }

    static String id(HttpReply reply) {
        return expect(201, reply).get("id").asText();
    }
}
