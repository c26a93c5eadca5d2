package io.scimgate.server.scim;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * Content negotiation of every SCIM answer, errors included (IDP-QUIRKS.md §10.12):
 * {@code application/scim+json} unless the client only accepts {@code application/json}.
 */
public final class ScimResponseHeaders implements ContainerResponseFilter {

    static final MediaType SCIM_JSON = MediaType.valueOf(ScimErrors.SCIM_JSON);

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MediaType type = response.getMediaType();
        if (type == null || !type.isCompatible(SCIM_JSON)) {
            return;
        }
        List<MediaType> acceptable = request.getAcceptableMediaTypes();
        boolean profileWantsJson = ScimRequest.currentIfAny().map(current -> current.profile().prefersPlainJson()).orElse(false);
        if (prefersPlainJson(acceptable) || (profileWantsJson && acceptsPlainJson(acceptable))) {
            response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
    }

    /** True unless Accept asks for application/scim+json by name and nothing that admits application/json. */
    static boolean acceptsPlainJson(List<MediaType> acceptable) {
        return acceptable.stream().anyMatch(accepted -> accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)
                && !(accepted.getSubtype().equals("scim+json")));
    }

    /** True when Accept names application/json but nothing that admits application/scim+json. */
    static boolean prefersPlainJson(List<MediaType> acceptable) {
        boolean json = false;
        for (MediaType accepted : acceptable) {
            if (accepted.isWildcardType() || accepted.isCompatible(SCIM_JSON)) {
                return false;
            }
            if (accepted.isCompatible(MediaType.APPLICATION_JSON_TYPE)) {
                json = true;
            }
        }
        return json;
    }
}
