package io.scimgate.server.scim.profile;

import io.scimgate.server.scim.quirk.EveryClient;
import io.scimgate.server.scim.quirk.Quirks;

/**
 * PingFederate and PingOne (IDP-QUIRKS.md §5). Users are matched by {@code userName} and updated by PUT
 * only; "Remove User Action" is a PUT with {@code active: false} or a {@code DELETE}; "Provision
 * disabled users" creates them inactive. Groups are found by paging through all of them. Nothing it
 * sends departs from the RFC beyond the tolerances every client gets.
 */
final class PingFederateProfile implements ProviderProfile {

    private static final Quirks QUIRKS = EveryClient.TOLERANCES;

    @Override
    public Quirks quirks() {
        return QUIRKS;
    }
}
