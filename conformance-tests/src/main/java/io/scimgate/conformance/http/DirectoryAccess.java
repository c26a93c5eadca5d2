package io.scimgate.conformance.http;

/** What an IdP admin is given for a directory: its SCIM base URL and bearer token. */
public record DirectoryAccess(String id, String organizationId, String scimBaseUrl, String token) {

    /** An HTTP client for this directory's SCIM API, authenticated with its token. */
    public Http scim() {
        return new Http(scimBaseUrl).bearer(token);
    }
}
