package io.scimgate.server.scim.profile;

import io.scimgate.server.scim.quirk.EveryClient;
import io.scimgate.server.scim.quirk.Quirks;

/**
 * Rippling (IDP-QUIRKS.md §6). Each tenant's admin picks, with checkboxes, the attributes, whether
 * groups are pushed and whether they are edited with PATCH or PUT; hires, terminations and rehires
 * follow HR events as creates and {@code active} changes. What it sends is not documented beyond that
 * (IDP-QUIRKS.md §6.2), so it gets the tolerances every client gets and nothing more.
 */
final class RipplingProfile implements ProviderProfile {

    private static final Quirks QUIRKS = EveryClient.TOLERANCES;

    @Override
    public Quirks quirks() {
        return QUIRKS;
    }
}
