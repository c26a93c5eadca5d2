package io.scimgate.core.membership.internal;

import io.scimgate.core.membership.Membership;
import io.scimgate.core.store.internal.Tx;

/** Told, inside the transaction, that an admin is removing a membership (its invitations go with it). */
@FunctionalInterface
public interface MembershipRemovalHook {

    void removing(Tx tx, Membership membership);
}
