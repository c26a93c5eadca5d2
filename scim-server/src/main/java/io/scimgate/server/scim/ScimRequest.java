package io.scimgate.server.scim;

import io.scimgate.core.directory.Directory;
import io.scimgate.server.scim.profile.ProviderProfile;
import io.scimgate.server.scim.profile.ProviderProfiles;

/**
 * What one SCIM request is about: the authenticated directory, the base URL its resources are
 * addressed under, and the version the client's {@code If-Match} asks for.
 *
 * <p>SCIMple calls repositories without any request context, so the tenant filter binds it to the
 * request's thread (Jersey serves a synchronous request on one thread from filter to response).
 */
public final class ScimRequest {

    private static final ThreadLocal<ScimRequest> CURRENT = new ThreadLocal<>();

    private final Directory directory;
    private final String baseUrl;
    private final IfMatch ifMatch;

    public ScimRequest(Directory directory, String baseUrl, IfMatch ifMatch) {
        this.directory = directory;
        this.baseUrl = baseUrl;
        this.ifMatch = ifMatch;
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

    public String locationOf(String resourceEndpoint, String id) {
        return baseUrl + "/" + resourceEndpoint + "/" + id;
    }
}
