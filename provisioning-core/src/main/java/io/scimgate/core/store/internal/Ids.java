package io.scimgate.core.store.internal;

import java.util.UUID;

/** Identifiers of stored things: random UUIDs, never guessable from one another. */
public final class Ids {

    private Ids() {
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }
}
