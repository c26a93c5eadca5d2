package io.scimgate.server.scim;

import io.scimgate.core.directory.ActivityRecorder;
import io.scimgate.core.directory.Directories;
import io.scimgate.core.directory.Directory;
import io.scimgate.server.http.BearerToken;
import io.scimgate.server.http.PublicUrl;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import java.net.URI;
import java.util.Optional;

/**
 * Every SCIM URL starts with the directory: {@code /scim/v2/{directoryId}/Users/...}. This filter
 * authenticates the bearer token against that directory, then serves the rest of the path as if
 * the directory's URL were the application root, so SCIMple's endpoints see plain {@code /Users}.
 *
 * <p>A missing, malformed, unknown or revoked token, or a token of another directory, all get the
 * same 401 before anything is read or written. Authenticated requests are counted for the
 * directory's activity (the first one activates it), without a write per request.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public final class TenantFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private final Directories directories;
    private final ActivityRecorder activity;
    private final PublicUrl publicUrl;

    public TenantFilter(Directories directories, ActivityRecorder activity, PublicUrl publicUrl) {
        this.directories = directories;
        this.activity = activity;
        this.publicUrl = publicUrl;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        ScimRequest.end();
        String path = request.getUriInfo().getPath(false);
        int slash = path.indexOf('/');
        String directoryId = slash < 0 ? path : path.substring(0, slash);
        if (directoryId.isEmpty()) {
            request.abortWith(ScimErrors.response(404, null, "SCIM resources live under "
                    + request.getUriInfo().getBaseUri().getRawPath() + "{directoryId}; this URL names no directory"));
            return;
        }
        String token = BearerToken.from(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        Optional<Directory> directory = directories.authenticate(directoryId, token);
        if (directory.isEmpty()) {
            request.abortWith(ScimErrors.builder(401, null,
                            "A valid bearer token of this directory is required (Authorization: Bearer <token>)")
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"scimgate\"")
                    .build());
            return;
        }
        activity.authenticated(directory.get());
        URI base = request.getUriInfo().getBaseUri();
        // The segment is as sent, and the front door let only characters a path may carry through
        // (RequestTarget): it needs no encoding, so no UriBuilder on every request.
        String rawBase = base.toString();
        URI directoryBase = URI.create(rawBase + (rawBase.endsWith("/") ? "" : "/") + directoryId + "/");
        request.setRequestUri(directoryBase, request.getUriInfo().getRequestUri());

        String baseUrl = publicUrl.of(base) + base.getRawPath() + directoryId;
        ScimRequest.begin(new ScimRequest(directory.get(), baseUrl,
                IfMatch.parse(request.getHeaderString(HttpHeaders.IF_MATCH)), request));
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        ScimRequest.currentIfAny().ifPresent(served -> activity.answered(served.directoryId(), response.getStatus()));
        ScimRequest.end();
    }
}
