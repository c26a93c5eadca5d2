package io.scimgate.core.directory;

import static io.scimgate.core.store.schema.Tables.DIRECTORY;

import io.scimgate.core.events.Events;
import io.scimgate.core.store.internal.Database;
import io.scimgate.core.store.internal.Times;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts each directory's SCIM requests without writing to the store per request: counts and the
 * latest times are kept in memory and added to the directory row every {@link #FLUSH_EVERY} and when
 * the core closes. Additions from several instances add up. The first authenticated request of a
 * directory activates it, once across all instances, with {@code dsync.activated}.
 */
public final class ActivityRecorder implements AutoCloseable {

    public static final Duration FLUSH_EVERY = Duration.ofSeconds(5);
    private static final Logger LOG = LoggerFactory.getLogger(ActivityRecorder.class);

    private static final class Pending {
        final LongAdder requests = new LongAdder();
        final LongAdder errors = new LongAdder();
        final AtomicLong lastRequest = new AtomicLong();
        final AtomicLong lastError = new AtomicLong();
    }

    private final Database database;
    private final Clock clock;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final Set<String> activated = ConcurrentHashMap.newKeySet();
    private ScheduledExecutorService flusher;

    public ActivityRecorder(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public synchronized void start() {
        if (flusher == null) {
            flusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "scimgate-directory-activity");
                thread.setDaemon(true);
                return thread;
            });
            long every = FLUSH_EVERY.toMillis();
            flusher.scheduleWithFixedDelay(this::flushSafely, every, every, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Called when a request authenticated as {@code directory}: activates it if it never was
     * ({@code dsync.activated}, in its own transaction, once across all instances).
     */
    public void authenticated(Directory directory) {
        if (directory.activity().activatedAt() == null && activated.add(directory.id())) {
            ScheduledExecutorService worker = flusher;
            if (worker == null) {
                activate(directory);
                return;
            }
            // On the activity thread: the activation is the directory's own change, not one the
            // request that triggered it made (a request journal on this thread must not see it).
            try {
                worker.submit(() -> activate(directory)).get(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                activated.remove(directory.id());
                LOG.warn("Directory {} could not be activated now; the next request tries again: {}", directory.id(),
                        e.toString());
            }
        }
    }

    private void activate(Directory directory) {
        OffsetDateTime now = Times.now(clock);
        database.transaction(tx -> {
            int updated = tx.dsl().update(DIRECTORY).set(DIRECTORY.ACTIVATED_AT, now)
                    .where(DIRECTORY.ID.eq(directory.id()), DIRECTORY.ACTIVATED_AT.isNull()).execute();
            if (updated == 1) {
                tx.emit("dsync.activated", directory.organizationId(), directory.id(), Events.data()
                        .put("id", directory.id())
                        .put("organizationId", directory.organizationId())
                        .put("name", directory.name())
                        .put("provider", directory.provider().slug())
                        .put("activatedAt", now.toInstant().toString()));
                tx.tenantChanged(directory.id());
            }
            return null;
        });
    }

    /** Counts a request of the directory that ended with {@code status}; 400 and above count as errors too. */
    public void answered(String directoryId, int status) {
        Pending counts = pending.computeIfAbsent(directoryId, ignored -> new Pending());
        long now = clock.millis();
        counts.requests.increment();
        counts.lastRequest.accumulateAndGet(now, Math::max);
        if (status >= 400) {
            counts.errors.increment();
            counts.lastError.accumulateAndGet(now, Math::max);
        }
    }

    /** The stored activity with what this instance has counted since its last flush. */
    DirectoryActivity withPending(String directoryId, DirectoryActivity stored) {
        Pending counts = pending.get(directoryId);
        if (counts == null) {
            return stored;
        }
        return stored.plus(counts.requests.sum(), counts.errors.sum(), instant(counts.lastRequest.get()),
                instant(counts.lastError.get()));
    }

    /** Adds what was counted since the last flush to the directory rows. */
    public void flush() {
        for (Map.Entry<String, Pending> entry : pending.entrySet()) {
            Pending counts = entry.getValue();
            long requests = counts.requests.sumThenReset();
            long errors = counts.errors.sumThenReset();
            if (requests == 0 && errors == 0) {
                pending.remove(entry.getKey(), counts);
                continue;
            }
            OffsetDateTime lastRequest = time(counts.lastRequest.get());
            OffsetDateTime lastError = time(counts.lastError.get());
            try {
                database.transaction(tx -> tx.dsl().update(DIRECTORY)
                        .set(DIRECTORY.REQUEST_COUNT, DIRECTORY.REQUEST_COUNT.plus(requests))
                        .set(DIRECTORY.ERROR_COUNT, DIRECTORY.ERROR_COUNT.plus(errors))
                        .set(DIRECTORY.LAST_REQUEST_AT, latest(DIRECTORY.LAST_REQUEST_AT, lastRequest))
                        .set(DIRECTORY.LAST_ERROR_AT, latest(DIRECTORY.LAST_ERROR_AT, lastError))
                        .where(DIRECTORY.ID.eq(entry.getKey()))
                        .execute());
            } catch (RuntimeException e) {
                counts.requests.add(requests);
                counts.errors.add(errors);
                throw e;
            }
        }
    }

    private static Field<OffsetDateTime> latest(Field<OffsetDateTime> column, OffsetDateTime value) {
        if (value == null) {
            return column;
        }
        return DSL.when(column.isNull().or(column.lt(value)), DSL.val(value)).otherwise(column);
    }

    private void flushSafely() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.warn("Directory activity could not be saved now; it is kept for the next flush: {}", e.toString());
        }
    }

    @Override
    public synchronized void close() {
        if (flusher != null) {
            flusher.shutdownNow();
            flusher = null;
        }
        flushSafely();
    }

    private static Instant instant(long millis) {
        return millis == 0 ? null : Instant.ofEpochMilli(millis);
    }

    private static OffsetDateTime time(long millis) {
        return millis == 0 ? null : OffsetDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC);
    }
}
