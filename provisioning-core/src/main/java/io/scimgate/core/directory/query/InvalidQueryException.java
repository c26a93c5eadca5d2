package io.scimgate.core.directory.query;

/** A query the directory cannot answer, with a detail that names the problem for the client. */
public final class InvalidQueryException extends RuntimeException {

    /** What is wrong. */
    public enum Reason {
        /** The filter names an unknown attribute, or compares one in a way its kind does not allow. */
        INVALID_FILTER,
        /** The sort names an attribute that cannot be sorted by. */
        INVALID_SORT,
        /** The cursor was not issued by this server, or for another query. */
        INVALID_CURSOR,
        /** The cursor's walk started longer ago than a cursor lives. */
        EXPIRED_CURSOR
    }

    private final Reason reason;

    public InvalidQueryException(Reason reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
