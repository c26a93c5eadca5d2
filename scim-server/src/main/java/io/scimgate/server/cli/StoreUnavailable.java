package io.scimgate.server.cli;

/** The store cannot be opened for a command; the message says why and what to do. */
final class StoreUnavailable extends RuntimeException {

    StoreUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
