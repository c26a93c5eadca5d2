package io.scimgate.server.logging;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import org.slf4j.MDC;

/**
 * Puts the request's id, method and path in the MDC of the thread that serves it, for every line
 * the SCIM and admin APIs log (Grizzly reads requests on other threads than it serves them on, so
 * {@link RequestLogging} cannot), and takes them away when the answer is ready. Runs before the
 * provisioning log's filter on the way in and after it on the way out, so that it sees the id.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 200)
public final class RequestFields implements ContainerRequestFilter, ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        MDC.clear();
        if (request.getProperty(RequestLogging.ID_ATTRIBUTE) instanceof String id) {
            MDC.put(LogFields.REQUEST_ID, id);
        }
        MDC.put(LogFields.METHOD, request.getMethod());
        MDC.put(LogFields.PATH, request.getUriInfo().getRequestUri().getRawPath());
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MDC.clear();
    }
}
