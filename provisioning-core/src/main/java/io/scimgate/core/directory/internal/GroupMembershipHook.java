package io.scimgate.core.directory.internal;

import io.scimgate.core.store.internal.Tx;
import java.util.Set;

/**
 * Told, inside the transaction, which directory users joined or left a group, so that what
 * depends on group membership (roles, P22) changes in the same commit.
 */
@FunctionalInterface
public interface GroupMembershipHook {

    void membersChanged(Tx tx, String directoryId, String groupId, Set<String> addedUserIds, Set<String> removedUserIds);
}
