package io.scimgate.server.scim.profile;

/**
 * CyberArk Identity (IDP-QUIRKS.md §7). It reads {@code /ServiceProviderConfig},
 * {@code /ResourceTypes/{name}} and {@code /Schemas/{urn}} by id, updates users by PUT and
 * deprovisions with a PUT of {@code active: false}; groups are created with POST and edited with PATCH.
 */
final class CyberArkProfile implements ProviderProfile {
}
