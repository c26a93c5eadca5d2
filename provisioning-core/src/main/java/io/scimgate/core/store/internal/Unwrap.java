package io.scimgate.core.store.internal;

import io.scimgate.core.ScimgateException;

/** jOOQ may wrap exceptions thrown inside a transaction; the caller wants its own back. */
final class Unwrap {

    private Unwrap() {
    }

    static RuntimeException ownException(RuntimeException thrown) {
        Throwable cause = thrown;
        while (cause != null) {
            if (cause instanceof ScimgateException own) {
                return own;
            }
            cause = cause.getCause();
        }
        return thrown;
    }
}
