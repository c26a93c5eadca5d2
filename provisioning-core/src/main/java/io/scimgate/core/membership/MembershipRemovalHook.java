package io.scimgate.core.membership;

import io.scimgate.core.InternalApi;
import io.scimgate.core.store.internal.Tx;

/** Told, inside the transaction, that an admin is removing a membership (its invitations go with it). */
@InternalApi
@FunctionalInterface
public interface MembershipRemovalHook {

    void removing(Tx tx, Membership membership);
}
