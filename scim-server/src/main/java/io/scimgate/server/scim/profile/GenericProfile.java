package io.scimgate.server.scim.profile;

import io.scimgate.server.scim.quirk.EveryClient;
import io.scimgate.server.scim.quirk.Quirks;

/**
 * Any RFC 7643/7644 client (IDP-QUIRKS.md §9): the protocol as written, with the tolerances every
 * client gets, since nothing is known of what an unnamed client sends.
 */
final class GenericProfile implements ProviderProfile {

    private static final Quirks QUIRKS = EveryClient.TOLERANCES;

    @Override
    public Quirks quirks() {
        return QUIRKS;
    }
}
