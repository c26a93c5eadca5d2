package io.scimgate.server.scim.profile;

/**
 * PingFederate and PingOne (IDP-QUIRKS.md §5). Users are matched by {@code userName} and updated by PUT
 * only; "Remove User Action" is a PUT with {@code active: false} or a {@code DELETE}; "Provision
 * disabled users" creates them inactive. Groups are found by paging through all of them.
 */
final class PingFederateProfile implements ProviderProfile {
}
