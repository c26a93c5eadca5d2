package io.scimgate.server.scim.quirk;

/**
 * A path-less PATCH value whose keys are paths rather than attribute names: dotted sub-attributes
 * ({@code "name.givenName"}) and attributes qualified by their URN
 * ({@code "urn:…:enterprise:2.0:User:employeeNumber"}), as Entra sends them with
 * {@code aadOptscim062020} (IDP-QUIRKS.md §1.3). RFC 7644 §3.5.2.1 expects attribute names there;
 * scimgate reads each key as the path it spells (IDP-QUIRKS.md §10.3).
 */
public final class PathsAsPathlessKeys implements Quirk {

    public static final PathsAsPathlessKeys INSTANCE = new PathsAsPathlessKeys();

    private PathsAsPathlessKeys() {
    }

    @Override
    public String clients() {
        return "Microsoft Entra ID (with aadOptscim062020)";
    }

    @Override
    public String source() {
        return "IDP-QUIRKS.md §1.3";
    }
}
