package io.scimgate.server.admin;

import io.scimgate.server.http.PublicUrl;
import jakarta.ws.rs.core.UriInfo;

/** The URL an IdP admin pastes: {@code <public url>/scim/v2/<directoryId>}. */
final class ScimBaseUrl {

    private ScimBaseUrl() {
    }

    static String of(PublicUrl publicUrl, UriInfo uri, String directoryId) {
        return publicUrl.of(uri.getBaseUri()) + "/scim/v2/" + directoryId;
    }
}
