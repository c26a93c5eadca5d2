package io.scimgate.core.directory.internal;

import io.scimgate.core.directory.DirectoryUser;
import io.scimgate.core.store.internal.Tx;

/**
 * What happens to people when a directory changes one of its users; called inside the same
 * transaction as the change (the provisioning rules implement it).
 */
public interface DirectoryUserLifecycle {

    /**
     * A new user: decides its provisioning columns, writes its row once through {@code row} (the
     * insert), then provisions.
     */
    void created(Tx tx, String organizationId, DirectoryUser user, DirectoryUserWrite row);

    /**
     * A changed user, whose row is locked and whose provisioning columns were {@code stored}: writes
     * its row once through {@code row} (the update, with the columns the change decides), then
     * provisions or deprovisions.
     */
    void updated(Tx tx, String organizationId, DirectoryUser before, DirectoryUser after, ProvisioningColumns stored,
            DirectoryUserWrite row);

    /** Called before the row is deleted, while the user's links can still be read. */
    void deleting(Tx tx, String organizationId, DirectoryUser user);
}
