package io.scimgate.server.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Error answers written below the applications, by the HTTP layer itself, in the shape of the API the
 * request was for: a SCIM error (RFC 7644 §3.12, {@code application/scim+json}) for SCIM paths and
 * anything that is no API path, the admin API's {@code {"code","message"}} for {@code /admin/} paths.
 */
public final class ErrorBodies {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ADMIN_PREFIX = "/admin/";

    private ErrorBodies() {
    }

    /** The error for a request to {@code path} (as sent, possibly undecodable), its content type and body. */
    public record ErrorBody(int status, String contentType, byte[] body) {
    }

    public static ErrorBody of(String path, int status, String detail) {
        if (path != null && path.regionMatches(true, 0, ADMIN_PREFIX, 0, ADMIN_PREFIX.length())) {
            ObjectNode error = JSON.createObjectNode().put("code", code(status)).put("message", detail);
            return new ErrorBody(status, "application/json", error.toString().getBytes(StandardCharsets.UTF_8));
        }
        return new ErrorBody(status, ScimErrorJson.SCIM_JSON,
                ScimErrorJson.body(status, null, detail).getBytes(StandardCharsets.UTF_8));
    }

    private static String code(int status) {
        return switch (status) {
            case 400 -> "bad_request";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 413 -> "payload_too_large";
            case 414 -> "uri_too_long";
            case 415 -> "unsupported_media_type";
            case 431 -> "headers_too_large";
            case 503 -> "unavailable";
            default -> status >= 500 ? "internal_error" : "http_" + Integer.toString(status).toLowerCase(Locale.ROOT);
        };
    }
}
