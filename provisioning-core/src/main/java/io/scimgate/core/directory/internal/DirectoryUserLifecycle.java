package io.scimgate.core.directory.internal;

import io.scimgate.core.directory.DirectoryUser;
import io.scimgate.core.store.internal.Tx;

/**
 * What happens to people when a directory changes one of its users; called inside the same
 * transaction as the change (the provisioning rules implement it).
 */
public interface DirectoryUserLifecycle {

    void created(Tx tx, String organizationId, DirectoryUser user);

    void updated(Tx tx, String organizationId, DirectoryUser before, DirectoryUser after);

    /** Called before the row is deleted, while the user's links can still be read. */
    void deleting(Tx tx, String organizationId, DirectoryUser user);
}
