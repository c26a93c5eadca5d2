package io.scimgate.server.scim;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;

/**
 * Request bodies arrive as {@code application/scim+json}, {@code application/json}, {@code text/json}
 * (IDP-QUIRKS.md §10.12) or with no type at all; all are JSON and read the same way.
 */
@PreMatching
@Priority(Priorities.HEADER_DECORATOR)
public final class MediaTypeFilter implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        MediaType type = request.getMediaType();
        if (!request.hasEntity()) {
            return;
        }
        if (type == null) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, ScimErrors.SCIM_JSON);
        } else if ("text".equalsIgnoreCase(type.getType()) && "json".equalsIgnoreCase(type.getSubtype())) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
    }
}
