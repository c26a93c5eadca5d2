package io.scimgate.core.directory;

import io.scimgate.core.store.Tx;

/**
 * What happens to people when a directory changes one of its users; called inside the same
 * transaction as the change (the provisioning rules implement it).
 */
public interface DirectoryUserLifecycle {

    DirectoryUserLifecycle NONE = new DirectoryUserLifecycle() {
        @Override
        public void created(Tx tx, String organizationId, DirectoryUser user) {
        }

        @Override
        public void updated(Tx tx, String organizationId, DirectoryUser before, DirectoryUser after) {
        }

        @Override
        public void deleting(Tx tx, String organizationId, DirectoryUser user) {
        }
    };

    void created(Tx tx, String organizationId, DirectoryUser user);

    void updated(Tx tx, String organizationId, DirectoryUser before, DirectoryUser after);

    /** Called before the row is deleted, while the user's links can still be read. */
    void deleting(Tx tx, String organizationId, DirectoryUser user);
}
