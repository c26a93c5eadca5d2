package io.scimgate.core;

/**
 * A failure the caller can act on: bad input, something missing, a conflict with existing data,
 * or a stale version. {@link #code()} is a stable machine-readable name such as
 * {@code user_name_taken}; the message is for people.
 */
public class ScimgateException extends RuntimeException {

    public enum Kind { INVALID, NOT_FOUND, CONFLICT, PRECONDITION_FAILED }

    private final Kind kind;
    private final String code;

    public ScimgateException(Kind kind, String code, String message) {
        super(message);
        this.kind = kind;
        this.code = code;
    }

    public static ScimgateException invalid(String code, String message) {
        return new ScimgateException(Kind.INVALID, code, message);
    }

    public static ScimgateException notFound(String code, String message) {
        return new ScimgateException(Kind.NOT_FOUND, code, message);
    }

    public static ScimgateException conflict(String code, String message) {
        return new ScimgateException(Kind.CONFLICT, code, message);
    }

    public static ScimgateException preconditionFailed(String code, String message) {
        return new ScimgateException(Kind.PRECONDITION_FAILED, code, message);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }
}
