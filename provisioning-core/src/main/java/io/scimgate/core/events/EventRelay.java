package io.scimgate.core.events;

import static io.scimgate.core.store.schema.Tables.EVENT;
import static io.scimgate.core.store.schema.Tables.EVENT_COUNTER;
import static io.scimgate.core.store.schema.Tables.EVENT_ORGANIZATION;
import static io.scimgate.core.store.schema.Tables.EVENT_OUTBOX;

import io.scimgate.core.store.DataSources;
import io.scimgate.core.store.internal.Database;
import io.scimgate.core.store.internal.InListShapes;
import io.scimgate.core.store.internal.RenderedInsert;
import io.scimgate.core.store.internal.RenderedQuery;
import io.scimgate.core.store.internal.Times;
import io.scimgate.core.store.schema.tables.records.EventOrganizationRecord;
import io.scimgate.core.store.schema.tables.records.EventRecord;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes committed events into the feed (RULES.md P25): moves them from the outbox into the
 * feed with their ids, in commit order, without any writer waiting for a lock. Writers hand over
 * what they committed; one thread per instance publishes everything handed over since its last
 * round in one short transaction that locks the event counter, then tells the in-process
 * listeners. Relays of several instances on one PostgreSQL take turns on that row, so ids are
 * assigned and committed in one total order. The feed's rows and indexes are written only here:
 * the writer's transaction writes one outbox row per event (V88).
 *
 * <p>Events an instance wrote but never published (it was killed between its commit and its next
 * round) are adopted: at start those written before the relay started, later those older than
 * {@link #ORPHAN_AGE}, by any instance. The start's cut-off is the moment of {@link #start()}, not of
 * the first sweep: the thread may sweep after writers (of this or another instance) have committed,
 * and adopting their fresh events would number them in write order rather than a transaction's
 * events together, ahead of the relay they were handed to.
 */
final class EventRelay implements AutoCloseable {

    static final Duration ORPHAN_AGE = Duration.ofSeconds(10);
    private static final Duration ORPHAN_SWEEP = Duration.ofSeconds(2);
    private static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_ROUND = 2_000;
    private static final Logger LOG = LoggerFactory.getLogger(EventRelay.class);

    private static final RenderedInsert<EventRecord> FEED = RenderedInsert.of(EVENT, EVENT.ID, EVENT.EVENT_TYPE,
            EVENT.ORGANIZATION_ID, EVENT.DIRECTORY_ID, EVENT.DATA, EVENT.CREATED_AT);
    private static final RenderedInsert<EventOrganizationRecord> ORGANIZATION_FEEDS = RenderedInsert.of(
            EVENT_ORGANIZATION, EVENT_ORGANIZATION.ORGANIZATION_ID, EVENT_ORGANIZATION.EVENT_ID);
    private static final RenderedQuery LOCK_COUNTER = RenderedQuery.of(DSL.select(EVENT_COUNTER.LAST_ID)
            .from(EVENT_COUNTER).where(EVENT_COUNTER.ID.eq(DSL.inline(1))).forUpdate());
    private static final RenderedQuery ADVANCE_COUNTER = RenderedQuery.of(DSL.update(EVENT_COUNTER)
            .set(EVENT_COUNTER.LAST_ID, DSL.param("last", EVENT_COUNTER.LAST_ID.getDataType()))
            .where(EVENT_COUNTER.ID.eq(DSL.inline(1))), "last");
    private static final InListShapes TAKE_FROM_OUTBOX = new InListShapes(EVENT_OUTBOX.SEQ.getDataType(),
            seqs -> DSL.deleteFrom(EVENT_OUTBOX).where(EVENT_OUTBOX.SEQ.in(seqs)).returning(EVENT_OUTBOX.SEQ));

    /**
     * An event as its transaction wrote it to the outbox, before it has a feed id.
     *
     * @param data the event's data as stored (JSON text)
     */
    record Unpublished(long seq, Event event, String data, Set<String> audience) {
    }

    private record Batch(long ticket, List<Unpublished> rows) {
    }

    private final Database database;
    private final Clock clock;
    private final Consumer<List<Event>> listeners;
    private final BlockingQueue<Batch> queue = new LinkedBlockingQueue<>();
    private final Object progress = new Object();
    private long handedOver;
    private long published;
    private volatile boolean running;
    private Thread thread;

    EventRelay(Database database, Clock clock, Consumer<List<Event>> listeners) {
        this.database = database;
        this.clock = clock;
        this.listeners = listeners;
    }

    synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        OffsetDateTime started = Times.now(clock);
        thread = new Thread(() -> run(started), "scimgate-event-relay");
        thread.setDaemon(true);
        thread.start();
    }

    /** Takes the events of a transaction that has just committed. */
    void committed(List<Unpublished> rows) {
        synchronized (this) {
            queue.add(new Batch(++handedOver, rows));
        }
    }

    /** Waits until everything handed over before this call is published and heard by the listeners. */
    void flush() {
        long target;
        synchronized (this) {
            target = handedOver;
        }
        if (Thread.currentThread() == thread) {
            return;
        }
        long deadline = System.nanoTime() + FLUSH_TIMEOUT.toNanos();
        synchronized (progress) {
            while (published < target && running) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    LOG.warn("Events committed before now are not published after {} s; reading without them",
                            FLUSH_TIMEOUT.toSeconds());
                    return;
                }
                try {
                    progress.wait(TimeUnit.NANOSECONDS.toMillis(left) + 1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Publishes what is handed over, then stops. */
    @Override
    public void close() {
        Thread running;
        synchronized (this) {
            running = thread;
            this.running = false;
            thread = null;
        }
        if (running != null) {
            try {
                running.join(FLUSH_TIMEOUT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (progress) {
            progress.notifyAll();
        }
    }

    private void run(OffsetDateTime started) {
        long nextSweep = 0;
        boolean startUp = true;
        int failures = 0;
        while (running || !queue.isEmpty()) {
            if (storeClosed()) {
                LOG.info("The store was closed without closing the core first; the event relay stops");
                running = false;
                return;
            }
            try {
                if (System.nanoTime() >= nextSweep && running) {
                    OffsetDateTime writtenBy = startUp ? started : Times.now(clock).minus(ORPHAN_AGE);
                    startUp = false;
                    nextSweep = System.nanoTime() + ORPHAN_SWEEP.toNanos();
                    adoptOrphans(writtenBy);
                }
                Batch first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                List<Batch> round = new ArrayList<>();
                round.add(first);
                int size = first.rows().size();
                for (Batch next; size < MAX_ROUND && (next = queue.poll()) != null; size += next.rows().size()) {
                    round.add(next);
                }
                List<Unpublished> rows = new ArrayList<>(size);
                round.forEach(batch -> rows.addAll(batch.rows()));
                listeners.accept(publishRetrying(rows));
                synchronized (progress) {
                    published = round.get(round.size() - 1).ticket();
                    progress.notifyAll();
                }
                failures = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                failures++;
                if (failures == 1 || failures % 60 == 0) {
                    LOG.error("The event relay failed {} round(s) in a row; the events stay for the next one", failures, e);
                }
                try {
                    Thread.sleep(Math.min(5_000, 100L * failures));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Whether the pool the core runs on was closed under it (a host that closed it before the core). */
    private boolean storeClosed() {
        return DataSources.isClosedPool(database.dataSource());
    }

    private List<Event> publishRetrying(List<Unpublished> rows) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return publish(rows);
            } catch (RuntimeException e) {
                if (storeClosed()) {
                    LOG.info("The store was closed without closing the core first; {} events stay for the next start", rows.size());
                    running = false;
                    return List.of();
                }
                if (!running && attempt >= 3) {
                    LOG.error("Stopping with {} events unpublished; the next start publishes them", rows.size(), e);
                    return List.of();
                }
                LOG.warn("Publishing {} events failed (attempt {}), retrying: {}", rows.size(), attempt, e.toString());
                Thread.sleep(Math.min(5_000, 100L * attempt));
            }
        }
    }

    /**
     * One round: under the counter's lock, the rows still in the outbox leave it and enter the feed
     * with the next ids, in the order given, with their organizations' feed entries. Rows another
     * relay adopted meanwhile are in the feed already with the id it gave them, and only that relay's
     * listeners hear them.
     */
    private List<Event> publish(List<Unpublished> rows) {
        return database.dsl().transactionResult(configuration -> {
            DSLContext dsl = configuration.dsl();
            long last = LOCK_COUNTER.fetch(dsl).get(0).get(EVENT_COUNTER.LAST_ID);
            Set<Long> taken = takeFromOutbox(dsl, rows);
            List<EventRecord> feed = new ArrayList<>(rows.size());
            List<EventOrganizationRecord> organizationFeeds = new ArrayList<>(rows.size());
            List<Event> events = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                if (!taken.contains(rows.get(i).seq())) {
                    continue; // published by a relay that took it for an orphan; that relay told its listeners
                }
                Unpublished row = rows.get(i);
                Event event = row.event();
                long id = ++last;
                feed.add(new EventRecord().setId(id).setEventType(event.event()).setOrganizationId(event.organizationId())
                        .setDirectoryId(event.directoryId()).setData(row.data())
                        .setCreatedAt(OffsetDateTime.ofInstant(event.createdAt(), ZoneOffset.UTC)));
                for (String organizationId : organizationsOf(row)) {
                    organizationFeeds.add(new EventOrganizationRecord().setOrganizationId(organizationId).setEventId(id));
                }
                events.add(new Event(id, event.event(), event.organizationId(), event.directoryId(), event.data(),
                        event.createdAt()));
            }
            if (!feed.isEmpty()) {
                FEED.execute(dsl, feed);
                if (!organizationFeeds.isEmpty()) {
                    ORGANIZATION_FEEDS.execute(dsl, organizationFeeds);
                }
                ADVANCE_COUNTER.execute(dsl, last);
            }
            return events;
        });
    }

    /**
     * Deletes the rows from the outbox, up to {@value InListShapes#MAX_VALUES} to a statement of a
     * fixed shape, and answers the ones that were still there. One statement per row let PostgreSQL
     * plan each delete from statistics taken when the outbox was empty: a scan of its dead rows per
     * event (BENCHMARKS.md, "Eighth pass: the planner's statistics").
     */
    private static Set<Long> takeFromOutbox(DSLContext dsl, List<Unpublished> rows) {
        Set<Long> taken = new HashSet<>();
        TAKE_FROM_OUTBOX.run(rows.stream().map(Unpublished::seq).toList(),
                (delete, seqs) -> taken.addAll(delete.fetch(dsl, seqs).getValues(EVENT_OUTBOX.SEQ)));
        return taken;
    }

    private static Set<String> organizationsOf(Unpublished row) {
        Set<String> organizations = new LinkedHashSet<>();
        if (row.event().organizationId() != null) {
            organizations.add(row.event().organizationId());
        }
        organizations.addAll(row.audience());
        return organizations;
    }

    /** Publishes events whose writer never did, oldest first. */
    private void adoptOrphans(OffsetDateTime writtenBy) {
        List<Unpublished> orphans = database.dsl().selectFrom(EVENT_OUTBOX)
                .where(EVENT_OUTBOX.CREATED_AT.le(writtenBy))
                .orderBy(EVENT_OUTBOX.SEQ)
                .limit(MAX_ROUND)
                .fetch(Events::unpublished);
        if (!orphans.isEmpty()) {
            LOG.info("Publishing {} events that their writer did not publish", orphans.size());
            try {
                listeners.accept(publishRetrying(orphans));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
