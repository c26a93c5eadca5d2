package io.scimgate.core.google;

import static io.scimgate.core.store.schema.Tables.GOOGLE_DIRECTORY;

import io.scimgate.core.store.internal.Database;
import io.scimgate.core.store.internal.Times;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.impl.DSL;

/**
 * The right to sync one directory, held by one instance at a time. Taken with a conditional
 * UPDATE that only succeeds on a free or expired lease, so two instances on one PostgreSQL (or two
 * threads on H2) can never both win: the database serialises the two UPDATEs on the row, and the
 * second one no longer matches. A holder renews it while it works; if it dies, the lease expires
 * and another instance takes over.
 */
final class SyncLease {

    private final Database database;
    private final Clock clock;
    private final Duration length;
    private final String directoryId;
    private final String owner;
    private OffsetDateTime acquiredAt;
    private Instant renewedAt;

    private SyncLease(Database database, Clock clock, Duration length, String directoryId, String owner) {
        this.database = database;
        this.clock = clock;
        this.length = length;
        this.directoryId = directoryId;
        this.owner = owner;
    }

    /** The lease, if it was free (or expired) and is now ours. */
    static Optional<SyncLease> acquire(Database database, Clock clock, Duration length, String directoryId,
            String owner) {
        SyncLease lease = new SyncLease(database, clock, length, directoryId, owner);
        OffsetDateTime now = Times.now(clock);
        int taken = database.transaction(tx -> tx.dsl().update(GOOGLE_DIRECTORY)
                .set(GOOGLE_DIRECTORY.LEASE_OWNER, owner)
                .set(GOOGLE_DIRECTORY.LEASE_EXPIRES_AT, now.plus(length))
                .where(GOOGLE_DIRECTORY.DIRECTORY_ID.eq(directoryId))
                .and(GOOGLE_DIRECTORY.LEASE_OWNER.isNull().or(GOOGLE_DIRECTORY.LEASE_EXPIRES_AT.lt(now)))
                .execute());
        if (taken != 1) {
            return Optional.empty();
        }
        lease.acquiredAt = now;
        lease.renewedAt = now.toInstant();
        return Optional.of(lease);
    }

    /**
     * Extends the lease when a third of it has passed; cheap to call often. Throws when another
     * instance took it over (this one was too slow to renew), so the run stops writing.
     */
    void keepAlive() {
        Instant now = clock.instant();
        if (Duration.between(renewedAt, now).compareTo(length.dividedBy(3)) < 0) {
            return;
        }
        OffsetDateTime at = Times.now(clock);
        int renewed = database.transaction(tx -> tx.dsl().update(GOOGLE_DIRECTORY)
                .set(GOOGLE_DIRECTORY.LEASE_EXPIRES_AT, at.plus(length))
                .where(GOOGLE_DIRECTORY.DIRECTORY_ID.eq(directoryId), GOOGLE_DIRECTORY.LEASE_OWNER.eq(owner))
                .execute());
        if (renewed != 1) {
            throw new SyncFailure("The sync lost its lease (another instance took the directory over, or its settings were removed)");
        }
        renewedAt = now;
    }

    /**
     * Frees the lease and schedules the next run: one interval from now, or at once when a sync was
     * requested after the lease was taken (the run read its settings too early to serve it).
     */
    void release(Duration interval) {
        OffsetDateTime now = Times.now(clock);
        Condition requestedSince = GOOGLE_DIRECTORY.SYNC_REQUESTED_AT.gt(acquiredAt);
        database.transaction(tx -> tx.dsl().update(GOOGLE_DIRECTORY)
                .set(GOOGLE_DIRECTORY.LEASE_OWNER, (String) null)
                .set(GOOGLE_DIRECTORY.LEASE_EXPIRES_AT, (OffsetDateTime) null)
                .set(GOOGLE_DIRECTORY.NEXT_SYNC_AT, DSL.when(requestedSince, DSL.val(now)).otherwise(DSL.val(now.plus(interval))))
                .set(GOOGLE_DIRECTORY.SYNC_REQUESTED_AT, DSL.when(requestedSince, GOOGLE_DIRECTORY.SYNC_REQUESTED_AT)
                        .otherwise((OffsetDateTime) null))
                .where(GOOGLE_DIRECTORY.DIRECTORY_ID.eq(directoryId), GOOGLE_DIRECTORY.LEASE_OWNER.eq(owner))
                .execute());
    }
}
