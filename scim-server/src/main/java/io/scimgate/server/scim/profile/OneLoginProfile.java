package io.scimgate.server.scim.profile;

/**
 * OneLogin (IDP-QUIRKS.md §3). Users come from an admin's JSON template (legacy schema URIs, quoted
 * booleans) and are updated by PUT, sometimes with a trailing {@code ?}; deprovisioning is a
 * {@code DELETE} or a suspension ({@code active: false}), as the admin chose. OneLogin's guide
 * requires {@code application/json} responses.
 */
final class OneLoginProfile implements ProviderProfile {

    @Override
    public boolean prefersPlainJson() {
        return true;
    }
}
