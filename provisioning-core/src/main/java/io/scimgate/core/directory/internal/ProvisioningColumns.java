package io.scimgate.core.directory.internal;

import java.util.Objects;

/**
 * A directory user's provisioning columns, as the provisioning rules set them: the User it is linked
 * to (kept through deprovisioning, RULES.md P18), the User it holds within its directory (P10), its
 * state (the slug of the provisioning package's {@code ProvisioningState}) and the state's detail.
 */
public record ProvisioningColumns(String userId, String provisionedUserId, String state, String detail) {

    public ProvisioningColumns {
        Objects.requireNonNull(state, "state");
    }
}
