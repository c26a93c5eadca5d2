package io.scimgate.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The body of a SCIM error (RFC 7644 §3.12): the Error schema, {@code status} as a string,
 * {@code scimType} where the RFC has one, and a detail. Written by the SCIM application and by the
 * HTTP layer below it alike.
 */
public final class ScimErrorJson {

    public static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";
    public static final String SCIM_JSON = "application/scim+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ScimErrorJson() {
    }

    public static String body(int status, String scimType, String detail) {
        ObjectNode error = JSON.createObjectNode();
        error.putArray("schemas").add(ERROR_SCHEMA);
        error.put("status", Integer.toString(status));
        if (scimType != null) {
            error.put("scimType", scimType);
        }
        error.put("detail", detail);
        return error.toString();
    }
}
