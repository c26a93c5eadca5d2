package io.scimgate.server.scim.profile;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.server.scim.projection.AttributeSelection;
import io.scimgate.server.scim.quirk.OktaRequiredUserAttributes;
import io.scimgate.server.scim.quirk.PatchAnsweredWithNoContent;
import io.scimgate.server.scim.quirk.PlainJsonResponses;
import io.scimgate.server.scim.quirk.Quirks;

/**
 * What is specific to one identity provider: the quirks ({@code io.scimgate.server.scim.quirk}, one
 * class each, with who sends it and where it is documented) applied to its directories' requests and
 * responses. Shared code asks the directory's profile and never which provider it is; adding a
 * provider means adding a profile to {@link ProviderProfiles}. Every profile lists its IdP's own
 * quirks first, then applies the tolerances every client gets
 * ({@link io.scimgate.server.scim.quirk.EveryClient}, IDP-QUIRKS.md §10).
 */
public interface ProviderProfile {

    Quirks quirks();

    /**
     * Whether responses should be {@code application/json} whenever the client's {@code Accept}
     * allows it; otherwise they are {@code application/scim+json} unless {@code Accept} rules it out.
     */
    default boolean prefersPlainJson() {
        return quirks().has(PlainJsonResponses.class);
    }

    /** Completes a User as this IdP needs it in every response, before attributes are selected. */
    default void completeUser(ObjectNode user) {
        quirks().find(OktaRequiredUserAttributes.class).ifPresent(quirk -> quirk.complete(user));
    }

    /** Whether a PATCH answers 204 No Content rather than the resource, when no attributes are asked for. */
    default boolean patchAnswersNoContent(AttributeSelection selection) {
        return selection.isDefault() && quirks().has(PatchAnsweredWithNoContent.class);
    }
}
