package io.scimgate.core.google;

/** A sync run stops without touching anything more: the message says why, for the run history. */
final class SyncFailure extends RuntimeException {

    SyncFailure(String message) {
        super(message);
    }
}
