package io.scimgate.core;

/**
 * A failure the caller can act on: bad input, something missing, a conflict with existing data,
 * or a stale version. {@link #code()} says which, from the catalogue {@link ErrorCode}; the message
 * is for people.
 */
public class ScimgateException extends RuntimeException {

    /** The kinds of failure; each API maps a kind to one HTTP status. */
    public enum Kind { INVALID, NOT_FOUND, CONFLICT, PRECONDITION_FAILED }

    private final ErrorCode code;

    public ScimgateException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public Kind kind() {
        return code.kind();
    }

    public ErrorCode code() {
        return code;
    }
}
