package io.scimgate.server.scim.profile;

/**
 * Rippling (IDP-QUIRKS.md §6). Each tenant's admin picks, with checkboxes, the attributes, whether
 * groups are pushed and whether they are edited with PATCH or PUT; hires, terminations and rehires
 * follow HR events as creates and {@code active} changes.
 */
final class RipplingProfile implements ProviderProfile {
}
