package io.scimgate.core.directory.internal;

import io.scimgate.core.provisioning.ProvisioningState;
import java.util.Objects;

/**
 * A directory user's provisioning columns: the User it is linked to (kept through deprovisioning,
 * RULES.md P18), the User it holds within its directory (P10), its state and the state's detail.
 */
public record ProvisioningColumns(String userId, String provisionedUserId, ProvisioningState state, String detail) {

    /** A directory user that provisioning has not decided about yet. */
    public static final ProvisioningColumns PENDING = new ProvisioningColumns(null, null, ProvisioningState.PENDING, null);

    public ProvisioningColumns {
        Objects.requireNonNull(state, "state");
    }

    /** Linked to and holding {@code userId}, provisioned. */
    public static ProvisioningColumns holding(String userId) {
        return new ProvisioningColumns(userId, userId, ProvisioningState.PROVISIONED, null);
    }

    /** A directory user linked to no User, in {@code state} for the reason {@code detail} gives. */
    public static ProvisioningColumns unlinked(ProvisioningState state, String detail) {
        return new ProvisioningColumns(null, null, state, detail);
    }

    /** The same links in another state. */
    public ProvisioningColumns in(ProvisioningState newState, String newDetail) {
        return new ProvisioningColumns(userId, provisionedUserId, newState, newDetail);
    }
}
