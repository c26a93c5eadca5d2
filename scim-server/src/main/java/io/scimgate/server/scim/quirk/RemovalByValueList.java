package io.scimgate.server.scim.quirk;

/**
 * {@code remove} with a value list instead of a filtered path: Entra without
 * {@code aadOptscim062020} removes one member with
 * {@code {"op":"Remove","path":"members","value":[{"value":"u-42"}]}} (IDP-QUIRKS.md §1.4), JumpCloud
 * likewise (IDP-QUIRKS.md §4.4). RFC 7644 §3.5.2.2 gives {@code remove} no value, and a server that
 * ignores it empties the group (the "Segment wipe"): scimgate removes exactly the listed values, for
 * members and for any other multi-valued attribute (IDP-QUIRKS.md §10.5).
 */
public final class RemovalByValueList implements Quirk {

    public static final RemovalByValueList INSTANCE = new RemovalByValueList();

    private RemovalByValueList() {
    }

    @Override
    public String clients() {
        return "Microsoft Entra ID (without aadOptscim062020), JumpCloud";
    }

    @Override
    public String source() {
        return "IDP-QUIRKS.md §1.4, §4.4";
    }
}
