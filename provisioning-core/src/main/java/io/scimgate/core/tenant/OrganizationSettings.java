package io.scimgate.core.tenant;

import java.util.Set;

/**
 * What provisioning needs to know about an organization on every write, read at most once a second
 * per instance (see {@link io.scimgate.core.tenant.internal.TenantCache}).
 *
 * @param mapsGroupsToRoles whether the organization maps directory groups to roles (RULES.md P22)
 * @param verifiedDomains its verified domains, normalised (RULES.md P13)
 */
public record OrganizationSettings(String id, String name, String defaultRole, boolean sendInvitations,
        boolean mapsGroupsToRoles, Set<String> verifiedDomains) {
}
