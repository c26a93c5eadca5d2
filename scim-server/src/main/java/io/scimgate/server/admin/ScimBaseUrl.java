package io.scimgate.server.admin;

import io.scimgate.server.http.PublicUrl;
import jakarta.ws.rs.core.UriInfo;

/**
 * The URL an IdP admin pastes: {@code <public url><scim path>/<directoryId>}, where the scim path
 * is wherever SCIM is mounted ({@code /scim/v2} in the bundled server, the host's own path when
 * embedded).
 */
public final class ScimBaseUrl {

    private final PublicUrl publicUrl;
    private final String scimPath;

    /** @param scimPath the path SCIM is served at, from the root of the server, e.g. {@code /scim/v2} */
    public ScimBaseUrl(PublicUrl publicUrl, String scimPath) {
        this.publicUrl = publicUrl;
        this.scimPath = scimPath.endsWith("/") ? scimPath.substring(0, scimPath.length() - 1) : scimPath;
    }

    String of(UriInfo uri, String directoryId) {
        return publicUrl.of(uri.getBaseUri()) + scimPath + "/" + directoryId;
    }
}
