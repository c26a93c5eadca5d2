package io.scimgate.server.scim;

import io.scimgate.core.directory.Directory;
import io.scimgate.server.scim.profile.ProviderProfile;
import io.scimgate.server.scim.profile.ProviderProfiles;
import io.scimgate.server.scim.quirk.EveryClient;
import io.scimgate.server.scim.quirk.Quirks;
import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * What one SCIM request is about: the authenticated directory, the base URL its resources are
 * addressed under, the version the client's {@code If-Match} asks for, and the request's own
 * headers and query parameters.
 *
 * <p>SCIMple calls repositories without any request context, so the tenant filter binds it to the
 * request's thread (Jersey serves a synchronous request on one thread from filter to response).
 */
public final class ScimRequest {

    private static final ThreadLocal<ScimRequest> CURRENT = new ThreadLocal<>();

    private final Directory directory;
    private final String baseUrl;
    private final IfMatch ifMatch;
    private final ContainerRequestContext http;

    /** A request outside HTTP (a repository called directly): no headers, no query parameters. */
    public ScimRequest(Directory directory, String baseUrl, IfMatch ifMatch) {
        this(directory, baseUrl, ifMatch, null);
    }

    ScimRequest(Directory directory, String baseUrl, IfMatch ifMatch, ContainerRequestContext http) {
        this.directory = directory;
        this.baseUrl = baseUrl;
        this.ifMatch = ifMatch;
        this.http = http;
    }

    static void begin(ScimRequest request) {
        CURRENT.set(request);
    }

    static void end() {
        CURRENT.remove();
    }

    public static ScimRequest current() {
        ScimRequest request = CURRENT.get();
        if (request == null) {
            throw new IllegalStateException("No SCIM request is being served on this thread");
        }
        return request;
    }

    /** What is specific to the directory's identity provider. */
    public ProviderProfile profile() {
        return ProviderProfiles.of(directory.provider());
    }

    /** The request being served on this thread, if it got past authentication. */
    public static java.util.Optional<ScimRequest> currentIfAny() {
        return java.util.Optional.ofNullable(CURRENT.get());
    }

    /** The quirks of the directory the current request is for; every client's tolerances outside a request. */
    public static Quirks quirks() {
        return currentIfAny().map(request -> request.profile().quirks()).orElse(EveryClient.TOLERANCES);
    }

    public Directory directory() {
        return directory;
    }

    public String directoryId() {
        return directory.id();
    }

    public String baseUrl() {
        return baseUrl;
    }

    public IfMatch ifMatch() {
        return ifMatch;
    }

    /**
     * The first value of a query parameter, decoded; null when it is absent. Read from the request
     * itself: the endpoints are singletons, and their injected {@code UriInfo} and {@code HttpHeaders}
     * proxies looked the request up again on every call.
     */
    public String queryParameter(String name) {
        return http == null ? null : http.getUriInfo().getQueryParameters().getFirst(name);
    }

    /** A request header (its values joined by commas, as JAX-RS gives them), or null when absent. */
    public String header(String name) {
        return http == null ? null : http.getHeaderString(name);
    }

    public String locationOf(String resourceEndpoint, String id) {
        return baseUrl + "/" + resourceEndpoint + "/" + id;
    }
}
