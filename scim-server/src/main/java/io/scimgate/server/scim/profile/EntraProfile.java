package io.scimgate.server.scim.profile;

import io.scimgate.server.scim.quirk.CapitalisedPatchOps;
import io.scimgate.server.scim.quirk.ComplexValueShapes;
import io.scimgate.server.scim.quirk.EveryClient;
import io.scimgate.server.scim.quirk.PatchAnsweredWithNoContent;
import io.scimgate.server.scim.quirk.PathsAsPathlessKeys;
import io.scimgate.server.scim.quirk.Quirks;
import io.scimgate.server.scim.quirk.RemovalByValueList;
import io.scimgate.server.scim.quirk.StringBooleans;
import io.scimgate.server.scim.quirk.TrailingValuePathComparison;
import io.scimgate.server.scim.quirk.ValuePathAddCreatesElement;

/**
 * Microsoft Entra ID (IDP-QUIRKS.md §1). Updates only by PATCH; unassigning, disabling or soft-deleting
 * sends {@code active: false} (the user must stay readable), restoring sends {@code active: true},
 * and the hard delete 30 days later is a {@code DELETE}. Without the {@code aadOptscim062020} flag
 * Entra capitalises ops, sends booleans as strings and removes members by value list; with it, it
 * sends path-less replaces with dotted keys and {@code members[value eq]} removals: its quirks below
 * read both, and the flag is accepted as a query parameter on every request. Responses are
 * {@code application/scim+json}; a PATCH answers 204 with the new {@code ETag}, users too, as
 * Microsoft's reference implementation does.
 */
final class EntraProfile implements ProviderProfile {

    private static final Quirks QUIRKS = Quirks.of(
            CapitalisedPatchOps.INSTANCE,
            StringBooleans.INSTANCE,
            PathsAsPathlessKeys.INSTANCE,
            RemovalByValueList.INSTANCE,
            ValuePathAddCreatesElement.INSTANCE,
            ComplexValueShapes.INSTANCE,
            TrailingValuePathComparison.INSTANCE,
            PatchAnsweredWithNoContent.INSTANCE)
            .with(EveryClient.TOLERANCES);

    @Override
    public Quirks quirks() {
        return QUIRKS;
    }
}
