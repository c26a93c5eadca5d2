package io.scimgate.server.admin;

import io.scimgate.core.token.AdminTokens;
import io.scimgate.server.http.BearerToken;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Decides whether a request may use the admin API. The bundled server accepts only the admin token
 * ({@link #adminToken}); a host application mounting the admin API can put its own sign-in in its
 * place, or beside it with {@link #or}. A refused request answers 401 in the admin API's error shape
 * before any resource runs.
 */
@FunctionalInterface
public interface AdminAuthenticator {

    /** Whether this request may use the admin API; called before the request is matched to a resource. */
    boolean permits(ContainerRequestContext request);

    /** The admin token as a bearer token: {@code Authorization: Bearer <admin token>}. */
    static AdminAuthenticator adminToken(AdminTokens tokens) {
        return new AdminTokenAuthenticator(tokens);
    }

    /** Permits what either this or {@code other} permits. */
    default AdminAuthenticator or(AdminAuthenticator other) {
        return request -> permits(request) || other.permits(request);
    }
}

/** Kept a type of its own so that the 401 can say which credentials the admin token needs. */
record AdminTokenAuthenticator(AdminTokens tokens) implements AdminAuthenticator {

    @Override
    public boolean permits(ContainerRequestContext request) {
        return tokens.isValid(BearerToken.from(request.getHeaderString(HttpHeaders.AUTHORIZATION)));
    }
}
