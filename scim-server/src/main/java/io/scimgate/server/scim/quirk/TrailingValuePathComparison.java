package io.scimgate.server.scim.quirk;

/**
 * {@code emails[type eq "work"].value eq "ana@corp.example"}: Entra's matching attribute written as a
 * value path followed by a comparison of a sub-attribute (IDP-QUIRKS.md §1 and §10.9). RFC 7644's
 * grammar has no such form and SCIMple 1.0.0-M1 reads it as {@code emails[type eq "work"]}, which
 * matches every user with a work email; the filter parser rewrites it to
 * {@code emails[(type eq "work") and value eq "ana@corp.example"]} before parsing.
 */
public final class TrailingValuePathComparison implements Quirk {

    public static final TrailingValuePathComparison INSTANCE = new TrailingValuePathComparison();

    private TrailingValuePathComparison() {
    }

    @Override
    public String clients() {
        return "Microsoft Entra ID (matching on emails[type eq \"work\"].value)";
    }

    @Override
    public String source() {
        return "IDP-QUIRKS.md §10.9";
    }
}
