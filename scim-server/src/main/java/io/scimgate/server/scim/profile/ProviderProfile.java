package io.scimgate.server.scim.profile;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * What is specific to one identity provider. Shared code asks the directory's profile and never
 * which provider it is; adding a provider means adding a profile to {@link ProviderProfiles}.
 *
 * <p>Each IdP's dialect on the way in (op names in any case, string booleans, path-less values
 * with dotted keys, member removal by value list, legacy schema URIs) is understood by the generic
 * normalisation every directory gets (IDP-QUIRKS.md §10), since nothing one IdP sends contradicts
 * another; a profile holds what cannot be shared.
 */
public interface ProviderProfile {

    /**
     * Whether responses should be {@code application/json} whenever the client's {@code Accept}
     * allows it; otherwise they are {@code application/scim+json} unless {@code Accept} rules it out.
     */
    default boolean prefersPlainJson() {
        return false;
    }

    /** Completes a User as this IdP needs it in every response, before attributes are selected. */
    default void completeUser(ObjectNode user) {
    }
}
