package io.scimgate.server.scim.quirk;

/**
 * Read-only attributes inside a path-less PATCH value: Okta re-sends the group's {@code id} with every
 * rename ({@code {"op":"replace","value":{"id":"g-9","displayName":"Eng"}}}, IDP-QUIRKS.md §2.2), and
 * clients echo {@code meta} and {@code schemas}. They are skipped without an error (IDP-QUIRKS.md
 * §10.3); a path that names a read-only attribute is still {@code 400 mutability}.
 */
public final class ReadOnlyKeysInPathlessValues implements Quirk {

    public static final ReadOnlyKeysInPathlessValues INSTANCE = new ReadOnlyKeysInPathlessValues();

    private ReadOnlyKeysInPathlessValues() {
    }

    @Override
    public String clients() {
        return "Okta (group renames), clients that echo id, meta and schemas";
    }

    @Override
    public String source() {
        return "IDP-QUIRKS.md §2.2";
    }
}
