package io.scimgate.server.scim;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.apache.directory.scim.spec.resources.ScimResource;

/**
 * Response headers SCIMple M1 gets wrong: {@code Location} must be the resource's own URL
 * ({@code meta.location}; M1 appends the id twice on reads and updates) and {@code ETag} must be the
 * resource's {@code meta.version} verbatim. Error bodies follow the same content negotiation as
 * resources: {@code application/scim+json} unless the client only accepts {@code application/json}.
 */
public final class ScimResponseHeaders implements ContainerResponseFilter {

    static final MediaType SCIM_JSON = MediaType.valueOf(ScimErrors.SCIM_JSON);

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getEntity() instanceof ScimResource resource && resource.getMeta() != null) {
            String location = resource.getMeta().getLocation();
            if (location != null && (response.getStatus() == 200 || response.getStatus() == 201)) {
                response.getHeaders().putSingle(HttpHeaders.LOCATION, location);
            }
            String version = resource.getMeta().getVersion();
            if (version != null) {
                response.getHeaders().putSingle(HttpHeaders.ETAG, version);
            }
        }
        MediaType type = response.getMediaType();
        if (type != null && type.isCompatible(SCIM_JSON) && prefersPlainJson(request.getAcceptableMediaTypes())) {
            response.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
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
