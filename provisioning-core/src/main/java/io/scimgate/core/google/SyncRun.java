package io.scimgate.core.google;

import java.time.Instant;

/**
 * One sync of a Google directory as recorded.
 *
 * @param trigger {@code schedule} (its interval elapsed) or {@code request} ("sync now", or new settings)
 * @param status {@code running}; {@code succeeded}; {@code partial} (finished, but {@code recordsFailed}
 *     users or groups could not be applied, see {@code error}); {@code failed} (stopped early, see
 *     {@code error}; nothing was deleted)
 * @param pagesFetched pages of groups, group members and users read from the Admin SDK; written
 *     after each page while the run is {@code running}, as are the counts
 * @param usersWritten directory users created, updated, deactivated or deleted so far
 */
public record SyncRun(
        String id,
        String directoryId,
        String trigger,
        String status,
        Instant startedAt,
        Instant finishedAt,
        int usersCreated,
        int usersUpdated,
        int usersDeactivated,
        int usersDeleted,
        int groupsCreated,
        int groupsUpdated,
        int groupsDeleted,
        int recordsFailed,
        int apiRetries,
        int pagesFetched,
        int usersWritten,
        String error) {

    public static final String RUNNING = "running";
    public static final String SUCCEEDED = "succeeded";
    public static final String PARTIAL = "partial";
    public static final String FAILED = "failed";
}
