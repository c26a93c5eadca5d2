package io.scimgate.core.membership;

/**
 * The host application's hook to end a user's sessions in an organization when the directory
 * deprovisions them (P19). Called after the deprovisioning committed.
 */
@FunctionalInterface
public interface SessionRevoker {

    SessionRevoker NONE = (userId, organizationId) -> { };

    void revokeSessions(String userId, String organizationId);
}
