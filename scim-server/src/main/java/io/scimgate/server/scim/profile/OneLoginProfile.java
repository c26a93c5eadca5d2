package io.scimgate.server.scim.profile;

import io.scimgate.server.scim.quirk.EveryClient;
import io.scimgate.server.scim.quirk.LegacySchemaUris;
import io.scimgate.server.scim.quirk.PlainJsonResponses;
import io.scimgate.server.scim.quirk.Quirks;
import io.scimgate.server.scim.quirk.StringBooleans;

/**
 * OneLogin (IDP-QUIRKS.md §3). Users come from an admin's JSON template (legacy schema URIs, quoted
 * booleans) and are updated by PUT, sometimes with a trailing {@code ?}; deprovisioning is a
 * {@code DELETE} or a suspension ({@code active: false}), as the admin chose. OneLogin's guide
 * requires {@code application/json} responses.
 */
final class OneLoginProfile implements ProviderProfile {

    private static final Quirks QUIRKS = Quirks.of(
            LegacySchemaUris.INSTANCE,
            StringBooleans.INSTANCE,
            PlainJsonResponses.INSTANCE)
            .with(EveryClient.TOLERANCES);

    @Override
    public Quirks quirks() {
        return QUIRKS;
    }
}
