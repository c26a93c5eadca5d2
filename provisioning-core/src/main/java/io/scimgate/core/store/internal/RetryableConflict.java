package io.scimgate.core.store.internal;

/**
 * Thrown inside a transaction when a concurrent writer holds what it needs in a state it cannot
 * see yet; {@link Database#transaction} then runs the whole unit of work again.
 */
public final class RetryableConflict extends RuntimeException {

    public RetryableConflict(String message) {
        super(message, null, false, false);
    }
}
