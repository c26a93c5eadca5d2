package io.scimgate.server.logging;

import io.scimgate.core.directory.Directory;
import io.scimgate.server.scim.ScimRequest;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import org.slf4j.MDC;

/**
 * Once the tenant filter has authenticated a SCIM request (and before a 429 may end it), names
 * its directory and provider: in the MDC for every line logged while it is served, and as request
 * attributes for the access log and the HTTP metrics. Unauthenticated requests get neither, so a
 * made-up directory id in a URL reaches no log field or metric label.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION + 1)
public final class ScimDirectoryContext implements ContainerRequestFilter {

    /** Request attributes (Jersey request properties are Grizzly request attributes). */
    public static final String DIRECTORY_ATTRIBUTE = ScimDirectoryContext.class.getName() + ".directory";
    public static final String PROVIDER_ATTRIBUTE = ScimDirectoryContext.class.getName() + ".provider";

    private final DirectoryProviders providers;

    public ScimDirectoryContext(DirectoryProviders providers) {
        this.providers = providers;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        ScimRequest.currentIfAny().map(ScimRequest::directory).ifPresent(directory -> name(request, directory));
    }

    private void name(ContainerRequestContext request, Directory directory) {
        String provider = directory.provider().slug();
        providers.seen(directory.id(), provider);
        request.setProperty(DIRECTORY_ATTRIBUTE, directory.id());
        request.setProperty(PROVIDER_ATTRIBUTE, provider);
        MDC.put(LogFields.DIRECTORY_ID, directory.id());
        MDC.put(LogFields.PROVIDER, provider);
    }
}
