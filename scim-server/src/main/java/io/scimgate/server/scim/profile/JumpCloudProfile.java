package io.scimgate.server.scim.profile;

/**
 * JumpCloud (IDP-QUIRKS.md §4). Its connection test creates a real user and group and DELETEs both;
 * {@code user_deprovision} sends {@code active: false} and {@code user_delete_provision} a
 * {@code DELETE}; members are added and removed with Entra-style value lists; an existing group
 * whose {@code displayName} matches is taken over after a {@code displayName eq} lookup.
 */
final class JumpCloudProfile implements ProviderProfile {
}
