package io.scimgate.server.metrics;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.glassfish.jersey.server.ExtendedUriInfo;
import org.glassfish.jersey.uri.UriTemplate;

/**
 * Names what a request was for with a bounded set of values, for the {@code resource} label of the
 * HTTP metrics: the SCIM resource type ({@code Users}, {@code Groups}, {@code Bulk}, …) on the SCIM
 * API, the route template ({@code /organizations/{organizationId}/domains}) on the admin API; never
 * a path, which holds ids. Requests that matched no route (an unknown URL, or one refused before
 * matching) are {@code unmatched}.
 */
@Priority(Priorities.USER)
public final class RouteTemplate implements ContainerResponseFilter {

    static final String ATTRIBUTE = RouteTemplate.class.getName();
    static final String UNMATCHED = "unmatched";
    /** RFC 7644's endpoints; a SCIM URL names one of them right after the directory id. */
    private static final Map<String, String> SCIM_RESOURCES = Stream.of("Users", "Groups", "Bulk", "Me",
                    "ServiceProviderConfig", "ServiceProviderConfigs", "Schemas", "ResourceTypes", ".search")
            .collect(Collectors.toMap(name -> name.toLowerCase(Locale.ROOT), Function.identity()));

    private final boolean scim;

    private RouteTemplate(boolean scim) {
        this.scim = scim;
    }

    /** For the SCIM application, whose paths start with the directory id. */
    public static RouteTemplate scim() {
        return new RouteTemplate(true);
    }

    public static RouteTemplate admin() {
        return new RouteTemplate(false);
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        String template = template(((ExtendedUriInfo) request.getUriInfo()).getMatchedTemplates());
        request.setProperty(ATTRIBUTE, scim ? scimResource(template, request.getUriInfo().getPath(false)) : template);
    }

    private static String template(List<UriTemplate> matched) {
        if (matched.isEmpty()) {
            return UNMATCHED;
        }
        StringBuilder path = new StringBuilder();
        for (int i = matched.size() - 1; i >= 0; i--) {
            String part = matched.get(i).getTemplate();
            if (!part.isEmpty() && !part.equals("/")) {
                path.append(part.startsWith("/") ? "" : "/").append(part.endsWith("/") ? part.substring(0, part.length() - 1) : part);
            }
        }
        return path.length() == 0 ? "/" : path.toString();
    }

    /**
     * The resource type: the template's first segment when a route matched; else, for a request
     * refused before matching, the path's first segment (a 429: the path is already relative to the
     * directory) or its second (a 401: the path still starts with the directory id), when it is one.
     */
    private static String scimResource(String template, String path) {
        if (!template.equals(UNMATCHED)) {
            return known(firstSegment(template.substring(1)));
        }
        String first = known(firstSegment(path));
        int slash = path.indexOf('/');
        return !first.equals(UNMATCHED) || slash < 0 ? first : known(firstSegment(path.substring(slash + 1)));
    }

    private static String known(String segment) {
        return SCIM_RESOURCES.getOrDefault(segment.toLowerCase(Locale.ROOT), UNMATCHED);
    }

    private static String firstSegment(String path) {
        int slash = path.indexOf('/');
        return slash < 0 ? path : path.substring(0, slash);
    }
}
