package io.scimgate.server.scim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.core.Response;

/**
 * SCIM error responses (RFC 7644 §3.12): the Error schema, {@code status} as a string,
 * {@code scimType} where the RFC has one, and a detail a person can act on.
 */
public final class ScimErrors {

    public static final String ERROR_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:Error";
    public static final String SCIM_JSON = "application/scim+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ScimErrors() {
    }

    public static Response response(int status, String scimType, String detail) {
        return builder(status, scimType, detail).build();
    }

    public static Response.ResponseBuilder builder(int status, String scimType, String detail) {
        return Response.status(status).type(SCIM_JSON).entity(body(status, scimType, detail));
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
