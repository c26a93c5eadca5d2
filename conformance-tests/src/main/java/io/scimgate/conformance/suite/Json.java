package io.scimgate.conformance.suite;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.conformance.http.HttpReply;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Small helpers for reading SCIM answers in assertions. */
public final class Json {

    public static final String USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    public static final String GROUP = "urn:ietf:params:scim:schemas:core:2.0:Group";
    public static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    public static final String PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
    public static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";
    public static final String LIST = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

    private Json() {
    }

    public static String filter(String expression) {
        return "filter=" + URLEncoder.encode(expression, StandardCharsets.UTF_8);
    }

    public static String patch(String operations) {
        return "{\"schemas\":[\"" + PATCH_OP + "\"],\"Operations\":" + operations + "}";
    }

    public static JsonNode expect(int status, HttpReply reply) {
        if (reply.status() != status) {
            throw new AssertionError("expected " + status + " but got " + reply);
        }
        return reply.body().isEmpty() ? null : reply.json();
    }

    public static String id(HttpReply reply) {
        return expect(201, reply).get("id").asText();
    }
}
