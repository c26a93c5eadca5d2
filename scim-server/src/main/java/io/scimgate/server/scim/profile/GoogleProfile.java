package io.scimgate.server.scim.profile;

/**
 * Google Workspace's auto-provisioning traffic, when an admin points a catalog connector at scimgate
 * (IDP-QUIRKS.md §8, best effort): mixed SCIM 1.0/2.0 {@code schemas}, {@code application/json} both
 * ways, lookups with {@code &startIndex=1}, suspension as {@code active: false}. The real Google path
 * is the Admin SDK poller ({@code io.scimgate.core.google}), which needs no SCIM at all.
 */
final class GoogleProfile implements ProviderProfile {

    @Override
    public boolean prefersPlainJson() {
        return true;
    }
}
