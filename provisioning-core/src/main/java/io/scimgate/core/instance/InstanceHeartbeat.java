package io.scimgate.core.instance;

import static io.scimgate.core.store.schema.Tables.SERVER_INSTANCE;

import io.scimgate.core.store.internal.Database;
import io.scimgate.core.store.internal.Ids;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many server instances share the store, from a heartbeat each writes every
 * {@link #INTERVAL}: an instance seen within {@link #LIVE_WINDOW} is alive. Times are the
 * database's, so instances with skewed clocks still agree. {@link #liveInstances()} is a field
 * read, meant for the per-request path; the count is as old as the last beat. Only a PostgreSQL
 * store is shared between processes: an H2 file is opened by one process, so on H2 the count is
 * always 1 (a heartbeat left by a process killed a moment ago must not halve the budget of the
 * one that took its place).
 */
public final class InstanceHeartbeat implements AutoCloseable {

    public static final Duration INTERVAL = Duration.ofSeconds(5);
    public static final Duration LIVE_WINDOW = Duration.ofSeconds(15);
    /** Rows of instances that stopped without saying so are removed after this long. */
    static final Duration FORGET_AFTER = Duration.ofDays(1);
    private static final Logger LOG = LoggerFactory.getLogger(InstanceHeartbeat.class);

    private final Database database;
    private final boolean sharedStore;
    private final String id = Ids.newId();
    private volatile int liveInstances = 1;
    private ScheduledExecutorService beats;
    private ScheduledFuture<?> scheduled;

    public InstanceHeartbeat(Database database) {
        this.database = database;
        this.sharedStore = database.dialect() == SQLDialect.POSTGRES;
    }

    /** Beats now, then every {@link #INTERVAL} on a thread of its own. */
    public synchronized void start() {
        if (beats != null) {
            return;
        }
        beatQuietly();
        beats = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "scimgate-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        scheduled = beats.scheduleWithFixedDelay(this::beatQuietly, INTERVAL.toMillis(), INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    public synchronized boolean isAlive() {
        return beats != null && !scheduled.isDone();
    }

    /** The instances alive at the last beat, this one included: at least 1. */
    public int liveInstances() {
        return liveInstances;
    }

    public String id() {
        return id;
    }

    /** Writes this instance's heartbeat, forgets long-dead instances, and counts the live ones. */
    public void beat() {
        liveInstances = database.transaction(tx -> {
            DSLContext dsl = tx.dsl();
            OffsetDateTime now = dsl.select(DSL.currentOffsetDateTime()).fetchSingle().value1();
            int updated = dsl.update(SERVER_INSTANCE).set(SERVER_INSTANCE.SEEN_AT, now).where(SERVER_INSTANCE.ID.eq(id)).execute();
            if (updated == 0) {
                dsl.insertInto(SERVER_INSTANCE).set(SERVER_INSTANCE.ID, id).set(SERVER_INSTANCE.STARTED_AT, now)
                        .set(SERVER_INSTANCE.SEEN_AT, now).execute();
            }
            dsl.deleteFrom(SERVER_INSTANCE).where(SERVER_INSTANCE.SEEN_AT.lt(now.minus(FORGET_AFTER))).execute();
            return sharedStore ? Math.max(1, dsl.fetchCount(SERVER_INSTANCE, SERVER_INSTANCE.SEEN_AT.gt(now.minus(LIVE_WINDOW)))) : 1;
        });
    }

    private void beatQuietly() {
        try {
            beat();
        } catch (RuntimeException e) {
            // The count stays as it was; the next beat tries again.
            LOG.warn("Instance heartbeat failed: {}", e.toString());
        }
    }

    /** Stops beating and removes this instance's row, so the others count one fewer at their next beat. */
    @Override
    public synchronized void close() {
        if (beats == null) {
            return;
        }
        beats.shutdown();
        try {
            beats.awaitTermination(10, TimeUnit.SECONDS);
            database.transaction(tx -> tx.dsl().deleteFrom(SERVER_INSTANCE).where(SERVER_INSTANCE.ID.eq(id)).execute());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("Could not remove this instance's heartbeat; it expires by itself: {}", e.toString());
        }
        beats = null;
    }
}
