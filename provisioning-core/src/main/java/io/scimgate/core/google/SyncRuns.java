package io.scimgate.core.google;

import static io.scimgate.core.store.schema.Tables.GOOGLE_SYNC_RUN;

import io.scimgate.core.store.internal.Database;
import io.scimgate.core.store.internal.Ids;
import io.scimgate.core.store.internal.Times;
import io.scimgate.core.store.schema.tables.records.GoogleSyncRunRecord;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/** The history of sync runs: started, finished, listed newest first, trimmed to the newest few. */
public final class SyncRuns {

    public static final int MAX_PAGE = 100;
    private static final int MAX_ERROR = 4000;

    private final Database database;
    private final Clock clock;
    private final int kept;

    SyncRuns(Database database, Clock clock, int kept) {
        this.database = database;
        this.clock = clock;
        this.kept = kept;
    }

    /** The newest runs of a directory first, at most {@code limit} (1 to 100). */
    public List<SyncRun> list(String directoryId, int limit) {
        int bounded = Math.max(1, Math.min(MAX_PAGE, limit));
        return database.dsl().selectFrom(GOOGLE_SYNC_RUN)
                .where(GOOGLE_SYNC_RUN.DIRECTORY_ID.eq(directoryId))
                .orderBy(GOOGLE_SYNC_RUN.SEQ.desc())
                .limit(bounded)
                .fetch(SyncRuns::toRun);
    }

    /**
     * Records the start of a run. Runs of the directory still marked running belong to an instance
     * that died holding the lease (which is why it could be taken): they are closed as failed.
     */
    GoogleSyncRunRecord start(String directoryId, String trigger) {
        OffsetDateTime now = Times.now(clock);
        return database.transaction(tx -> {
            tx.dsl().update(GOOGLE_SYNC_RUN)
                    .set(GOOGLE_SYNC_RUN.STATUS, SyncRun.FAILED)
                    .set(GOOGLE_SYNC_RUN.FINISHED_AT, now)
                    .set(GOOGLE_SYNC_RUN.ERROR, "Abandoned: the instance running it stopped before it finished")
                    .where(GOOGLE_SYNC_RUN.DIRECTORY_ID.eq(directoryId), GOOGLE_SYNC_RUN.STATUS.eq(SyncRun.RUNNING))
                    .execute();
            GoogleSyncRunRecord row = tx.dsl().newRecord(GOOGLE_SYNC_RUN)
                    .setId(Ids.newId())
                    .setDirectoryId(directoryId)
                    .setTriggeredBy(trigger)
                    .setStatus(SyncRun.RUNNING)
                    .setStartedAt(now)
                    .setUsersCreated(0).setUsersUpdated(0).setUsersDeactivated(0).setUsersDeleted(0)
                    .setGroupsCreated(0).setGroupsUpdated(0).setGroupsDeleted(0)
                    .setRecordsFailed(0).setApiRetries(0)
                    .setPagesFetched(0).setUsersWritten(0);
            row.insert();
            return row;
        });
    }

    /** Writes what a running run did so far on its row (one statement), for the run history to show while it runs. */
    void progress(GoogleSyncRunRecord row, SyncCounts counts) {
        database.transaction(tx -> tx.dsl().update(GOOGLE_SYNC_RUN)
                .set(GOOGLE_SYNC_RUN.PAGES_FETCHED, counts.pagesFetched)
                .set(GOOGLE_SYNC_RUN.USERS_WRITTEN, counts.usersWritten())
                .set(GOOGLE_SYNC_RUN.USERS_CREATED, counts.usersCreated)
                .set(GOOGLE_SYNC_RUN.USERS_UPDATED, counts.usersUpdated)
                .set(GOOGLE_SYNC_RUN.USERS_DEACTIVATED, counts.usersDeactivated)
                .set(GOOGLE_SYNC_RUN.USERS_DELETED, counts.usersDeleted)
                .set(GOOGLE_SYNC_RUN.GROUPS_CREATED, counts.groupsCreated)
                .set(GOOGLE_SYNC_RUN.GROUPS_UPDATED, counts.groupsUpdated)
                .set(GOOGLE_SYNC_RUN.GROUPS_DELETED, counts.groupsDeleted)
                .set(GOOGLE_SYNC_RUN.RECORDS_FAILED, counts.recordsFailed())
                .where(GOOGLE_SYNC_RUN.ID.eq(row.getId()), GOOGLE_SYNC_RUN.STATUS.eq(SyncRun.RUNNING))
                .execute());
    }

    SyncRun finish(GoogleSyncRunRecord row, SyncCounts counts, int apiRetries, String failure) {
        String error = failure != null ? failure : counts.failureSummary();
        row.setStatus(failure != null ? SyncRun.FAILED : counts.recordsFailed() > 0 ? SyncRun.PARTIAL : SyncRun.SUCCEEDED)
                .setFinishedAt(Times.now(clock))
                .setUsersCreated(counts.usersCreated)
                .setUsersUpdated(counts.usersUpdated)
                .setUsersDeactivated(counts.usersDeactivated)
                .setUsersDeleted(counts.usersDeleted)
                .setGroupsCreated(counts.groupsCreated)
                .setGroupsUpdated(counts.groupsUpdated)
                .setGroupsDeleted(counts.groupsDeleted)
                .setRecordsFailed(counts.recordsFailed())
                .setPagesFetched(counts.pagesFetched)
                .setUsersWritten(counts.usersWritten())
                .setApiRetries(apiRetries)
                .setError(error == null || error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR - 1) + "…");
        database.transaction(tx -> {
            tx.dsl().executeUpdate(row);
            Long oldestKept = tx.dsl().select(GOOGLE_SYNC_RUN.SEQ)
                    .from(GOOGLE_SYNC_RUN)
                    .where(GOOGLE_SYNC_RUN.DIRECTORY_ID.eq(row.getDirectoryId()))
                    .orderBy(GOOGLE_SYNC_RUN.SEQ.desc())
                    .offset(kept - 1)
                    .limit(1)
                    .fetchOptional(GOOGLE_SYNC_RUN.SEQ)
                    .orElse(null);
            if (oldestKept != null) {
                tx.dsl().deleteFrom(GOOGLE_SYNC_RUN)
                        .where(GOOGLE_SYNC_RUN.DIRECTORY_ID.eq(row.getDirectoryId()), GOOGLE_SYNC_RUN.SEQ.lt(oldestKept))
                        .execute();
            }
            return null;
        });
        return toRun(row);
    }

    static SyncRun toRun(GoogleSyncRunRecord row) {
        return new SyncRun(row.getId(), row.getDirectoryId(), row.getTriggeredBy(), row.getStatus(),
                Times.instant(row.getStartedAt()), Times.instant(row.getFinishedAt()),
                row.getUsersCreated(), row.getUsersUpdated(), row.getUsersDeactivated(), row.getUsersDeleted(),
                row.getGroupsCreated(), row.getGroupsUpdated(), row.getGroupsDeleted(),
                row.getRecordsFailed(), row.getApiRetries(), row.getPagesFetched(), row.getUsersWritten(), row.getError());
    }
}
