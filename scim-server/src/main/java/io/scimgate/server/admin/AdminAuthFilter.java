package io.scimgate.server.admin;

import io.scimgate.core.token.AdminTokens;
import io.scimgate.server.http.BearerToken;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/** The admin API answers only to the admin token. */
@PreMatching
@Priority(Priorities.AUTHENTICATION)
final class AdminAuthFilter implements ContainerRequestFilter {

    private final AdminTokens adminTokens;

    AdminAuthFilter(AdminTokens adminTokens) {
        this.adminTokens = adminTokens;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String token = BearerToken.from(request.getHeaderString(HttpHeaders.AUTHORIZATION));
        if (!adminTokens.isValid(token)) {
            Response unauthorized = AdminErrors.response(401, "unauthorized",
                    "The admin API needs the admin token: Authorization: Bearer <admin token>");
            unauthorized.getHeaders().putSingle(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"scimgate-admin\"");
            request.abortWith(unauthorized);
        }
    }
}
