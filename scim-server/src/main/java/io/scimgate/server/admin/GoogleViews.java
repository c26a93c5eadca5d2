package io.scimgate.server.admin;

import io.scimgate.core.google.GoogleDirectoryConfig;
import io.scimgate.core.google.SyncRun;
import java.time.Instant;
import java.util.List;

/** The JSON shapes of a Google directory's settings and runs. No credential ever appears in them. */
final class GoogleViews {

    private GoogleViews() {
    }

    /**
     * @param credentialStorage {@code encrypted} (sealed in the store) or {@code file} (read from {@code keyFile})
     */
    record GoogleDirectoryView(String directoryId, String customer, String adminEmail, String serviceAccountEmail,
            String keyId, String credentialStorage, String keyFile, List<String> groups, long syncIntervalMinutes,
            Instant nextSyncAt, Instant syncRequestedAt, boolean syncing, SyncRunView lastRun, Instant createdAt,
            Instant updatedAt) {

        static GoogleDirectoryView of(GoogleDirectoryConfig config, SyncRun lastRun) {
            return new GoogleDirectoryView(config.directoryId(), config.customer(), config.adminEmail(),
                    config.serviceAccountEmail(), config.keyId(), config.credentialStorage(), config.keyFile(),
                    config.groups(), config.syncInterval().toMinutes(), config.nextSyncAt(), config.syncRequestedAt(),
                    config.syncing(), lastRun == null ? null : SyncRunView.of(lastRun), config.createdAt(),
                    config.updatedAt());
        }
    }

    record UserCounts(int created, int updated, int deactivated, int deleted) {
    }

    record GroupCounts(int created, int updated, int deleted) {
    }

    /** Where a run is: pages read from Google and directory users written, updated after each page while it runs. */
    record Progress(int pagesFetched, int usersWritten) {
    }

    record SyncRunView(String id, String directoryId, String trigger, String status, Instant startedAt,
            Instant finishedAt, Progress progress, UserCounts users, GroupCounts groups, int recordsFailed,
            int apiRetries, String error) {

        static SyncRunView of(SyncRun run) {
            return new SyncRunView(run.id(), run.directoryId(), run.trigger(), run.status(), run.startedAt(),
                    run.finishedAt(), new Progress(run.pagesFetched(), run.usersWritten()),
                    new UserCounts(run.usersCreated(), run.usersUpdated(), run.usersDeactivated(), run.usersDeleted()),
                    new GroupCounts(run.groupsCreated(), run.groupsUpdated(), run.groupsDeleted()),
                    run.recordsFailed(), run.apiRetries(), run.error());
        }
    }
}
