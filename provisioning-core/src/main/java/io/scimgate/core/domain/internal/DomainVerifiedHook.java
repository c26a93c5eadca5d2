package io.scimgate.core.domain.internal;

import io.scimgate.core.store.internal.Tx;

/** Told, inside the transaction, that an organization's domain became verified (P24). */
@FunctionalInterface
public interface DomainVerifiedHook {

    void domainVerified(Tx tx, String organizationId, String domain);
}
