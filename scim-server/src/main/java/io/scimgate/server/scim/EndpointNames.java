package io.scimgate.server.scim;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Resource endpoints matched ignoring case ({@code /users}, {@code /serviceproviderconfig}), as some
 * clients write them, and SCIM 1.1's plural {@code /ServiceProviderConfigs}: the first segment after
 * the directory is rewritten to the endpoint's name before matching (IDP-QUIRKS.md §10.8). Runs after
 * the tenant filter, which makes the directory's URL the application's root.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION + 20)
public final class EndpointNames implements ContainerRequestFilter {

    private final Map<String, String> canonical = new LinkedHashMap<>();

    /** @param endpoints the endpoints served, as named in their {@code @Path} (e.g. {@code Users}) */
    public EndpointNames(List<String> endpoints) {
        endpoints.forEach(endpoint -> canonical.put(endpoint.toLowerCase(Locale.ROOT), endpoint));
        canonical.put("serviceproviderconfigs", "ServiceProviderConfig");
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath(false);
        int slash = path.indexOf('/');
        String first = slash < 0 ? path : path.substring(0, slash);
        String name = canonical.get(first.toLowerCase(Locale.ROOT));
        if (name == null || name.equals(first)) {
            return;
        }
        URI base = request.getUriInfo().getBaseUri();
        URI requested = request.getUriInfo().getRequestUri();
        URI rewritten = UriBuilder.fromUri(base).path(name + (slash < 0 ? "" : path.substring(slash)))
                .replaceQuery(requested.getRawQuery()).build();
        request.setRequestUri(base, rewritten);
    }
}
