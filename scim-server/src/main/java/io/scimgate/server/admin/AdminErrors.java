package io.scimgate.server.admin;

import io.scimgate.core.ErrorCode;
import io.scimgate.core.ScimgateException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Admin API errors: {@code {"code": "...", "message": "..."}} with the matching status. The codes of
 * refused requests are the core's {@link ErrorCode}s, their status decided here by
 * {@link #status(ErrorCode)}; the protocol's own failures (unauthorized, unknown URL or method,
 * unreadable JSON, internal error) are answered by the mappers with the status they name.
 */
final class AdminErrors {

    private AdminErrors() {
    }

    /** The status of a refused admin request, one per kind of {@link ErrorCode}. */
    static int status(ErrorCode code) {
        return switch (code.kind()) {
            case INVALID -> 400;
            case NOT_FOUND -> 404;
            case CONFLICT -> 409;
            case PRECONDITION_FAILED -> 412;
        };
    }

    static Response response(ScimgateException refused) {
        return response(status(refused.code()), refused.code().wireName(), refused.getMessage());
    }

    static Response response(int status, String code, String message) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("message", message);
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
    }
}
