package io.scimgate.server.scim.quirk;

/**
 * PATCH {@code op} values in capitals: Entra sends {@code "Add"}, {@code "Replace"}, {@code "Remove"}
 * unless the tenant URL carries {@code aadOptscim062020} (IDP-QUIRKS.md §1.1). RFC 7644 §3.5.2 spells
 * them in lower case; scimgate matches them ignoring case (IDP-QUIRKS.md §10.1).
 */
public final class CapitalisedPatchOps implements Quirk {

    public static final CapitalisedPatchOps INSTANCE = new CapitalisedPatchOps();

    private CapitalisedPatchOps() {
    }

    @Override
    public String clients() {
        return "Microsoft Entra ID (without aadOptscim062020)";
    }

    @Override
    public String source() {
        return "IDP-QUIRKS.md §1.1";
    }
}
