package io.scimgate.core.organization.internal;

import io.scimgate.core.store.internal.Tx;
import java.util.Set;

/** Told, inside the transaction, which roles a catalogue change added, so that roles the directories asked for apply. */
@FunctionalInterface
public interface CatalogueHook {
    void rolesAdded(Tx tx, String organizationId, Set<String> slugs);
}
