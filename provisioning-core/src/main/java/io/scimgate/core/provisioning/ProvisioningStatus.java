package io.scimgate.core.provisioning;

/** The provisioning state of one directory user, why, and the User it is linked to (if any). */
public record ProvisioningStatus(String directoryUserId, ProvisioningState state, String detail, String userId) {
}
