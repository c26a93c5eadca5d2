package io.scimgate.core.activity;

import io.scimgate.core.store.PendingEvent;
import java.time.Instant;
import java.util.List;

/**
 * One SCIM request as the server saw it, handed to {@link ProvisioningLog#record}.
 *
 * @param path the path below the directory's base URL, e.g. {@code Users/2819c223}
 * @param errorDetail the SCIM error's {@code detail} when the request failed
 * @param changes what its committed transactions changed (see {@link RequestJournal})
 * @param requestId the request's {@code X-Request-Id}, for the server log's provisioning line; may be null
 */
public record LoggedRequest(String directoryId, Instant receivedAt, String method, String path, int status,
        long durationMillis, String errorDetail, List<PendingEvent> changes, String requestId) {

    public LoggedRequest(String directoryId, Instant receivedAt, String method, String path, int status,
            long durationMillis, String errorDetail, List<PendingEvent> changes) {
        this(directoryId, receivedAt, method, path, status, durationMillis, errorDetail, changes, null);
    }

    boolean failed() {
        return status >= 400;
    }

    boolean throttled() {
        return status == 429;
    }

    /** Reads that succeed change nothing: they count in the health figures but are not logged one by one. */
    boolean worthLogging() {
        return failed() || !changes.isEmpty() || !method.equals("GET") && !method.equals("HEAD");
    }
}
