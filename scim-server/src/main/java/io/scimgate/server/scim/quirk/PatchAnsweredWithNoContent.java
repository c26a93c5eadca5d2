package io.scimgate.server.scim.quirk;

/**
 * PATCH answered with {@code 204 No Content}: Microsoft's reference SCIM implementation answers every
 * PATCH so and Entra accepts 200 or 204 (IDP-QUIRKS.md §1.9), so an Entra directory's user PATCHes
 * answer 204 with the new {@code ETag} instead of the whole user, unless the request asks for
 * {@code attributes} or {@code excludedAttributes}. Okta's spec tests want 200 with the resource.
 */
public final class PatchAnsweredWithNoContent implements Quirk {

    public static final PatchAnsweredWithNoContent INSTANCE = new PatchAnsweredWithNoContent();

    private PatchAnsweredWithNoContent() {
    }

    @Override
    public String clients() {
        return "Microsoft Entra ID";
    }

    @Override
    public String source() {
        return "IDP-QUIRKS.md §1.9";
    }
}
