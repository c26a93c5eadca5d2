package io.scimgate.core.directory.internal;

import io.scimgate.core.store.internal.Tx;

/**
 * Told, inside the transaction, that a directory is about to be deleted, while its users can still
 * be read (the provisioning rules hand its memberships over to the organization's admins, P6).
 */
@FunctionalInterface
public interface DirectoryDeletionHook {

    void directoryDeleting(Tx tx, String organizationId, String directoryId);
}
