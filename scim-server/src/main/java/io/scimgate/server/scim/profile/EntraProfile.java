package io.scimgate.server.scim.profile;

/**
 * Microsoft Entra ID (IDP-QUIRKS.md §1). Updates only by PATCH; unassigning, disabling or soft-deleting
 * sends {@code active: false} (the user must stay readable), restoring sends {@code active: true},
 * and the hard delete 30 days later is a {@code DELETE}. Without the {@code aadOptscim062020} flag
 * Entra capitalises ops, sends booleans as strings and removes members by value list; with it, it
 * sends path-less replaces with dotted keys and {@code members[value eq]} removals: the generic
 * normalisation reads both, and the flag is accepted as a query parameter on every request.
 * Responses use the defaults: {@code application/scim+json}, 200 with the user after PATCH, 204 after
 * a group PATCH.
 */
final class EntraProfile implements ProviderProfile {
}
