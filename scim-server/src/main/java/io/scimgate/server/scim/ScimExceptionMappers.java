package io.scimgate.server.scim;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.scimgate.core.ScimgateException;
import io.scimgate.server.http.JsonProblems;
import io.scimgate.server.http.RequestBudget;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeoutException;
import org.apache.directory.scim.protocol.data.ErrorResponse;
import org.apache.directory.scim.protocol.exception.ScimException;
import org.apache.directory.scim.spec.exception.MutabilityException;
import org.apache.directory.scim.spec.exception.ResourceException;
import org.apache.directory.scim.spec.exception.UnsupportedFilterException;
import org.apache.directory.scim.spec.filter.FilterParseException;
import org.glassfish.jersey.message.internal.HeaderValueException;
import org.glassfish.jersey.server.ParamException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every failure of a SCIM request becomes a SCIM error body with the right status. These replace
 * SCIMple's own mappers, one of which is typed on the wrong exception and another of which echoes
 * internal exception messages to clients.
 */
public final class ScimExceptionMappers {

    private static final Logger LOG = LoggerFactory.getLogger(ScimExceptionMappers.class);

    private ScimExceptionMappers() {
    }

    public static List<Object> all() {
        return List.of(new Core(), new Problem(), new Scimple(), new Resource(), new Web(), new Json(),
                new FilterSyntax(), new UnsupportedFilter(), new Mutability(), new Budget(), new Unreadable(),
                new Unexpected());
    }

    /** The SCIM error response for any failure, as the mappers below write it: for bulk operation results. */
    public static Response responseFor(Throwable e) {
        if (e instanceof ScimgateException core) {
            return new Core().toResponse(core);
        }
        if (e instanceof ScimProblem problem) {
            return new Problem().toResponse(problem);
        }
        if (e instanceof JsonProcessingException json) {
            return new Json().toResponse(json);
        }
        if (e instanceof WebApplicationException web) {
            return new Web().toResponse(web);
        }
        if (e instanceof RequestBudget.Exceeded exceeded) {
            return new Budget().toResponse(exceeded);
        }
        return new Unexpected().toResponse(e);
    }

    static final class Core implements ExceptionMapper<ScimgateException> {
        @Override
        public Response toResponse(ScimgateException e) {
            return ScimErrors.response(e);
        }
    }

    static final class Problem implements ExceptionMapper<ScimProblem> {
        @Override
        public Response toResponse(ScimProblem e) {
            return ScimErrors.response(e.status(), e.scimType(), e.getMessage());
        }
    }

    static final class Scimple implements ExceptionMapper<ScimException> {
        @Override
        public Response toResponse(ScimException e) {
            ErrorResponse error = e.getError();
            String scimType = error.getScimType() == null ? null : error.getScimType().toString();
            String detail = error.getDetail() != null ? error.getDetail() : e.getMessage();
            return ScimErrors.response(e.getStatus().getStatusCode(), scimType, detail);
        }
    }

    static final class Resource implements ExceptionMapper<ResourceException> {
        @Override
        public Response toResponse(ResourceException e) {
            String scimType = e.getStatus() == 409 ? "uniqueness" : null;
            return ScimErrors.response(e.getStatus(), scimType, e.getMessage());
        }
    }

    static final class Web implements ExceptionMapper<WebApplicationException> {
        @Override
        public Response toResponse(WebApplicationException e) {
            // Query parameters are converted by our converters (ScimParamConverters); Jersey wraps what
            // they refuse in a ParamException, which says 404 for a query parameter.
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof ScimProblem problem) {
                    return ScimErrors.response(problem.status(), problem.scimType(), problem.getMessage());
                }
                if (cause instanceof FilterParseException) {
                    return ScimErrors.response(400, "invalidFilter", "The filter cannot be parsed: " + cause.getMessage());
                }
            }
            int status = e.getResponse().getStatus();
            if (e instanceof ParamException param) {
                return ScimErrors.response(400, "invalidValue",
                        "Query parameter '" + param.getParameterName() + "' has an invalid value");
            }
            if (e instanceof NotAllowedException) {
                return ScimErrors.response(405, null, "This method is not supported on this resource");
            }
            if (e instanceof NotFoundException) {
                return ScimErrors.response(404, null, "No SCIM endpoint at this URL");
            }
            if (e instanceof NotSupportedException) {
                return ScimErrors.response(415, null,
                        "Send SCIM documents as application/scim+json or application/json");
            }
            if (e instanceof NotAcceptableException) {
                return ScimErrors.response(406, null, "Responses are application/scim+json or application/json");
            }
            if (e.getResponse().getEntity() instanceof ErrorResponse error) {
                String scimType = error.getScimType() == null ? null : error.getScimType().toString();
                return ScimErrors.response(status, scimType, error.getDetail());
            }
            String detail = status >= 500 ? "The server could not complete the request" : e.getMessage();
            return ScimErrors.response(status, null, detail);
        }
    }

    static final class Json implements ExceptionMapper<JsonProcessingException> {
        @Override
        public Response toResponse(JsonProcessingException e) {
            return ScimErrors.response(400, "invalidSyntax", JsonProblems.describe(e));
        }
    }

    static final class FilterSyntax implements ExceptionMapper<FilterParseException> {
        @Override
        public Response toResponse(FilterParseException e) {
            return ScimErrors.response(400, "invalidFilter", "The filter cannot be parsed: " + e.getMessage());
        }
    }

    static final class UnsupportedFilter implements ExceptionMapper<UnsupportedFilterException> {
        @Override
        public Response toResponse(UnsupportedFilterException e) {
            return ScimErrors.response(400, "invalidFilter", e.getMessage());
        }
    }

    static final class Mutability implements ExceptionMapper<MutabilityException> {
        @Override
        public Response toResponse(MutabilityException e) {
            return ScimErrors.response(400, "mutability", e.getMessage());
        }
    }

    /**
     * A request that ran out of time changed nothing: 429 with {@code Retry-After} when its time went
     * waiting for another change of the resource, 400 {@code tooMany} when its own work is too much.
     */
    static final class Budget implements ExceptionMapper<RequestBudget.Exceeded> {
        @Override
        public Response toResponse(RequestBudget.Exceeded e) {
            if (e.waited()) {
                return ScimErrors.builder(429, null, e.getMessage()).header(HttpHeaders.RETRY_AFTER, "1").build();
            }
            return ScimErrors.response(400, "tooMany", e.getMessage());
        }
    }

    /**
     * Jersey's failures to read what the client sent: a body that stopped arriving (the transport's
     * read timeout, the request's time budget) is 408, one cut short or a header Jersey cannot parse
     * is 400.
     */
    static final class Unreadable implements ExceptionMapper<ProcessingException> {
        @Override
        public Response toResponse(ProcessingException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof TimeoutException || cause instanceof SocketTimeoutException) {
                    return ScimErrors.response(408, null, "The request body did not arrive within the request's time budget");
                }
            }
            if (e instanceof HeaderValueException) {
                return ScimErrors.response(400, null, "A request header cannot be read");
            }
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof IOException) {
                    return ScimErrors.response(400, null, "The request could not be read to its end");
                }
            }
            return new Unexpected().toResponse(e);
        }
    }

    static final class Unexpected implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable e) {
            String reference = UUID.randomUUID().toString();
            LOG.error("Unexpected failure of a SCIM request (reference {})", reference, e);
            return ScimErrors.response(500, null, "The server could not complete the request (reference " + reference + ")");
        }
    }
}
