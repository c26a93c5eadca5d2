package io.scimgate.server.scim.profile;

/** Any RFC 7643/7644 client (IDP-QUIRKS.md §9): the protocol as written, with the generic tolerance. */
final class GenericProfile implements ProviderProfile {
}
