package io.scimgate.server.scim;

import io.scimgate.core.ErrorCode;
import io.scimgate.core.ScimgateException;
import io.scimgate.server.http.ScimErrorJson;
import jakarta.ws.rs.core.Response;

/**
 * SCIM error responses (RFC 7644 §3.12): the Error schema, {@code status} as a string,
 * {@code scimType} where the RFC has one, and a detail a person can act on.
 */
public final class ScimErrors {

    public static final String ERROR_SCHEMA = ScimErrorJson.ERROR_SCHEMA;
    public static final String SCIM_JSON = ScimErrorJson.SCIM_JSON;

    private ScimErrors() {
    }

    /** The status of a request the core refused, one per kind of {@link ErrorCode}. */
    public static int status(ErrorCode code) {
        return switch (code.kind()) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case PRECONDITION_FAILED -> 412;
        };
    }

    /** The RFC 7644 §3.12 scimType of a request the core refused, where the RFC has one. */
    public static String scimType(ErrorCode code) {
        return switch (code.kind()) {
            case INVALID -> "invalidValue";
            case CONFLICT -> "uniqueness";
            case NOT_FOUND, PRECONDITION_FAILED -> null;
        };
    }

    public static Response response(ScimgateException refused) {
        return response(status(refused.code()), scimType(refused.code()), refused.getMessage());
    }

    public static Response response(int status, String scimType, String detail) {
        return builder(status, scimType, detail).build();
    }

    public static Response.ResponseBuilder builder(int status, String scimType, String detail) {
        return Response.status(status).type(SCIM_JSON).entity(body(status, scimType, detail));
    }

    public static String body(int status, String scimType, String detail) {
        return ScimErrorJson.body(status, scimType, detail);
    }
}
