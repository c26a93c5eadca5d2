package io.scimgate.core.membership.internal;

import io.scimgate.core.store.internal.Tx;
import java.util.Set;

/** Told, inside the transaction that replaced the mappings, which people are in a group whose mapping changed. */
@FunctionalInterface
public interface MappingChangeHook {
    void mappingChanged(Tx tx, String organizationId, Set<String> userIds);
}
