package io.scimgate.server.scim.quirk;

/**
 * What IDP-QUIRKS.md §10 promises every client, whatever its provider: each provider profile applies
 * these besides its own. No IdP's dialect contradicts another's, and an IdP that departs from what is
 * documented of it (a custom Okta app sending Entra's string booleans) is still understood.
 */
public final class EveryClient {

    public static final Quirks TOLERANCES = Quirks.of(
            CapitalisedPatchOps.INSTANCE,
            StringBooleans.INSTANCE,
            PathsAsPathlessKeys.INSTANCE,
            ReadOnlyKeysInPathlessValues.INSTANCE,
            ValuePathAddCreatesElement.INSTANCE,
            RemovalByValueList.INSTANCE,
            ComplexValueShapes.INSTANCE,
            MemberDisplayName.INSTANCE,
            UnquotedFilterValues.INSTANCE,
            TrailingValuePathComparison.INSTANCE,
            LegacySchemaUris.INSTANCE);

    private EveryClient() {
    }
}
