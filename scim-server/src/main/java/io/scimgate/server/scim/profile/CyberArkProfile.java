package io.scimgate.server.scim.profile;

import io.scimgate.server.scim.quirk.EveryClient;
import io.scimgate.server.scim.quirk.Quirks;

/**
 * CyberArk Identity (IDP-QUIRKS.md §7). It reads {@code /ServiceProviderConfig},
 * {@code /ResourceTypes/{name}} and {@code /Schemas/{urn}} by id, updates users by PUT and
 * deprovisions with a PUT of {@code active: false}; groups are created with POST and edited with PATCH.
 * Nothing it sends departs from the RFC beyond the tolerances every client gets.
 */
final class CyberArkProfile implements ProviderProfile {

    private static final Quirks QUIRKS = EveryClient.TOLERANCES;

    @Override
    public Quirks quirks() {
        return QUIRKS;
    }
}
