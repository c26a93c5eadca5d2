package io.scimgate.server.scim.profile;

import io.scimgate.server.scim.quirk.EveryClient;
import io.scimgate.server.scim.quirk.LegacySchemaUris;
import io.scimgate.server.scim.quirk.PlainJsonResponses;
import io.scimgate.server.scim.quirk.Quirks;

/**
 * Google Workspace's auto-provisioning traffic, when an admin points a catalog connector at scimgate
 * (IDP-QUIRKS.md §8, best effort): mixed SCIM 1.0/2.0 {@code schemas}, {@code application/json} both
 * ways, lookups with {@code &startIndex=1}, suspension as {@code active: false}. The real Google path
 * is the Admin SDK poller ({@code io.scimgate.core.google}), which needs no SCIM at all.
 */
final class GoogleProfile implements ProviderProfile {

    private static final Quirks QUIRKS = Quirks.of(
            LegacySchemaUris.INSTANCE,
            PlainJsonResponses.INSTANCE)
            .with(EveryClient.TOLERANCES);

    @Override
    public Quirks quirks() {
        return QUIRKS;
    }
}
