package io.scimgate.server.admin;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** The admin API answers only what its {@link AdminAuthenticator} permits (the admin token unless a host chose otherwise). */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
final class AdminAuthFilter implements ContainerRequestFilter {

    private final AdminAuthenticator authenticator;

    AdminAuthFilter(AdminAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        if (authenticator.permits(request)) {
            return;
        }
        if (authenticator instanceof AdminTokenAuthenticator) {
            Response unauthorized = AdminErrors.response(401, "unauthorized",
                    "The admin API needs the admin token: Authorization: Bearer <admin token>");
            unauthorized.getHeaders().putSingle(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"scimgate-admin\"");
            request.abortWith(unauthorized);
        } else {
            request.abortWith(AdminErrors.response(401, "unauthorized", "The admin API refused this request's credentials"));
        }
    }
}
