package io.scimgate.server.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.scimgate.core.ScimgateException;
import io.scimgate.server.http.JsonProblems;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.util.List;
import java.util.UUID;
import org.glassfish.jersey.server.ParamException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every admin API failure as {@code {code, message}} with the right status; never a stack trace. */
final class AdminExceptionMappers {

    private static final Logger LOG = LoggerFactory.getLogger(AdminExceptionMappers.class);

    private AdminExceptionMappers() {
    }

    static List<Object> all() {
        return List.of(new Core(), new Json(), new Web(), new Unexpected());
    }

    static final class Core implements ExceptionMapper<ScimgateException> {
        @Override
        public Response toResponse(ScimgateException e) {
            return AdminErrors.response(e);
        }
    }

    static final class Json implements ExceptionMapper<JsonProcessingException> {
        @Override
        public Response toResponse(JsonProcessingException e) {
            if (e instanceof UnrecognizedPropertyException unknown) {
                return AdminErrors.response(400, "unknown_field", "Unknown field '" + unknown.getPropertyName()
                        + "'; known fields: " + unknown.getKnownPropertyIds());
            }
            return AdminErrors.response(400, "invalid_json", JsonProblems.describe(e));
        }
    }

    static final class Web implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            if (e instanceof ParamException param) {
                return AdminErrors.response(400, "invalid_parameter", "Parameter '" + param.getParameterName() + "' is invalid");
            }
            if (e instanceof NotFoundException) {
                return AdminErrors.response(404, "not_found", "No admin API resource at this URL");
            }
            if (e instanceof NotAllowedException) {
                return AdminErrors.response(405, "method_not_allowed", "This method is not supported on this resource");
            }
            if (e instanceof NotSupportedException) {
                return AdminErrors.response(415, "unsupported_media_type", "Send JSON (Content-Type: application/json)");
            }
            int status = e.getResponse().getStatus();
            return AdminErrors.response(status, "http_" + status, status >= 500 ? "The server could not complete the request" : e.getMessage());
        }
    }

    static final class Unexpected implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            String reference = UUID.randomUUID().toString();
            LOG.error("Unexpected failure of an admin request (reference {})", reference, e);
            return AdminErrors.response(500, "internal_error", "The server could not complete the request (reference " + reference + ")");
        }
    }
}
