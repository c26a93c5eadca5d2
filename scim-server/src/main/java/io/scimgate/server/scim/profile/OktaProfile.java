package io.scimgate.server.scim.profile;

import io.scimgate.server.scim.quirk.EveryClient;
import io.scimgate.server.scim.quirk.OktaRequiredUserAttributes;
import io.scimgate.server.scim.quirk.Quirks;
import io.scimgate.server.scim.quirk.ReadOnlyKeysInPathlessValues;

/**
 * Okta (IDP-QUIRKS.md §2). OIN integrations deactivate and reactivate with a path-less
 * {@code replace} of {@code active} and push profiles with PUT; custom AIW apps PUT everything,
 * {@code active: false} included; Okta never deletes users. Okta's import and its SCIM spec tests
 * expect every returned user to carry {@code active}, {@code name.givenName},
 * {@code name.familyName} and {@code emails} with exactly one marked {@code primary}.
 */
final class OktaProfile implements ProviderProfile {

    private static final Quirks QUIRKS = Quirks.of(
            ReadOnlyKeysInPathlessValues.INSTANCE,
            OktaRequiredUserAttributes.INSTANCE)
            .with(EveryClient.TOLERANCES);

    @Override
    public Quirks quirks() {
        return QUIRKS;
    }
}
