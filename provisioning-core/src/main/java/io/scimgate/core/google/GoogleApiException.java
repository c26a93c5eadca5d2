package io.scimgate.core.google;

/**
 * Google answered with an error that retrying will not fix (or no longer fixed): the message is
 * Google's own, which names the problem (for example {@code unauthorized_client} when domain-wide
 * delegation is missing) and never holds a credential.
 */
public final class GoogleApiException extends RuntimeException {

    private final int status;
    private final String reason;

    GoogleApiException(int status, String reason, String message) {
        super(message);
        this.status = status;
        this.reason = reason;
    }

    /** The HTTP status, or 0 when no answer came. */
    public int status() {
        return status;
    }

    /** Google's reason code such as {@code forbidden} or {@code invalid_grant}, or null. */
    public String reason() {
        return reason;
    }
}
