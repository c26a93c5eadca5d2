package io.scimgate.core.activity;

import static io.scimgate.core.store.schema.Tables.DIRECTORY;
import static io.scimgate.core.store.schema.Tables.DIRECTORY_REQUEST_HOUR;
import static io.scimgate.core.store.schema.Tables.PROVISIONING_LOG;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimgate.core.ErrorCode;
import io.scimgate.core.ScimgateException;
import io.scimgate.core.organization.Organization;
import io.scimgate.core.organization.Organizations;
import io.scimgate.core.provisioning.DirectoryUserStatuses;
import io.scimgate.core.store.PendingEvent;
import io.scimgate.core.store.internal.Database;
import io.scimgate.core.store.internal.InListShapes;
import io.scimgate.core.store.internal.RenderedInsert;
import io.scimgate.core.store.internal.Times;
import io.scimgate.core.store.schema.tables.records.ProvisioningLogRecord;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record2;
import org.jooq.impl.DSL;
import org.jooq.exception.DataAccessException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The provisioning log and health figures of each directory.
 *
 * <p>Recording costs a SCIM request no round trip to the store: {@link #record} only adds to
 * in-memory counters and offers the request to a bounded queue; a background thread writes both
 * every second, in batches, and explains each change then (see {@link ChangeExplainer}). If the
 * store falls behind and the queue fills, further log lines are dropped (and counted in the
 * server log) rather than slowing the identity provider down. The price: what a reader sees lags
 * by up to about a second, and lines of an instance killed with {@code kill -9} in that second
 * are lost.
 *
 * <p>Bounded: rows older than the retention go, and each directory keeps at most its newest
 * {@code rowsPerDirectory} log lines.
 */
public final class ProvisioningLog implements AutoCloseable {

    public static final int MAX_PAGE = 100;
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);
    public static final int DEFAULT_ROWS_PER_DIRECTORY = 10_000;
    static final int QUEUE_CAPACITY = 10_000;
    private static final int BATCH = 500;
    private static final Duration FLUSH_EVERY = Duration.ofSeconds(1);
    private static final Duration PRUNE_EVERY = Duration.ofMinutes(10);
    private static final int HOURS_SHOWN = 24;
    private static final int MAX_PATH = 512;
    private static final int MAX_REASON = 2000;
    private static final Logger LOG = LoggerFactory.getLogger(ProvisioningLog.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final InListShapes DIRECTORIES = new InListShapes(DIRECTORY.ID.getDataType(),
            ids -> DSL.select(DIRECTORY.ID).from(DIRECTORY).where(DIRECTORY.ID.in(ids)));
    private static final RenderedInsert<ProvisioningLogRecord> LINES = RenderedInsert.of(PROVISIONING_LOG,
            PROVISIONING_LOG.DIRECTORY_ID, PROVISIONING_LOG.RECEIVED_AT, PROVISIONING_LOG.METHOD, PROVISIONING_LOG.PATH,
            PROVISIONING_LOG.STATUS, PROVISIONING_LOG.DURATION_MS, PROVISIONING_LOG.CHANGES, PROVISIONING_LOG.REASON);

    private final Database database;
    private final Clock clock;
    private final Organizations organizations;
    private final DirectoryUserStatuses statuses;
    private final Duration retention;
    private final int rowsPerDirectory;
    private final BlockingQueue<LoggedRequest> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
    private final RequestCounters counters = new RequestCounters();
    private final AtomicLong dropped = new AtomicLong();
    private final Set<String> writtenSincePrune = new HashSet<>();
    private Instant lastPrune = Instant.MIN;
    private ScheduledExecutorService flusher;
    private volatile ActivityMonitor monitor = new ActivityMonitor() {
    };

    public ProvisioningLog(Database database, Clock clock, Organizations organizations, DirectoryUserStatuses statuses,
            Duration retention, int rowsPerDirectory) {
        if (retention.isNegative() || retention.isZero() || rowsPerDirectory < 1) {
            throw new IllegalArgumentException("provisioning log retention and rows per directory must be positive");
        }
        this.database = database;
        this.clock = clock;
        this.organizations = organizations;
        this.statuses = statuses;
        this.retention = retention;
        this.rowsPerDirectory = rowsPerDirectory;
    }

    /** Is told about each request once it is written, with its reason and outcomes (by the background writer). */
    public void monitoredBy(ActivityMonitor monitor) {
        this.monitor = monitor;
    }

    /** Takes note of one SCIM request; never waits for the store. */
    public void record(LoggedRequest request) {
        counters.count(request);
        if (request.worthLogging() && !queue.offer(request)) {
            dropped.incrementAndGet();
        }
    }

    /** Writes in the background from now on; the bundled server starts it. */
    public synchronized void start() {
        if (flusher != null) {
            return;
        }
        flusher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "scimgate-provisioning-log");
            thread.setDaemon(true);
            return thread;
        });
        flusher.scheduleWithFixedDelay(this::flushSafely, FLUSH_EVERY.toMillis(), FLUSH_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Whether the background writer runs (started and not closed). */
    public synchronized boolean isRunning() {
        return flusher != null;
    }

    /** Stops the background writer after writing what is pending. */
    @Override
    public void close() {
        ScheduledExecutorService running;
        synchronized (this) {
            running = flusher;
            flusher = null;
        }
        if (running != null) {
            running.shutdown();
            try {
                running.awaitTermination(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        flushSafely();
    }

    private void flushSafely() {
        try {
            flush();
        } catch (RuntimeException e) {
            LOG.error("Writing the provisioning log failed; its lines are lost, SCIM requests are not affected", e);
        }
    }

    /** Writes every request recorded so far, and prunes when that is due. */
    public synchronized void flush() {
        long lost = dropped.getAndSet(0);
        if (lost > 0) {
            LOG.warn("{} provisioning log lines dropped: the store did not keep up", lost);
        }
        List<LoggedRequest> batch = new ArrayList<>(BATCH);
        while (queue.drainTo(batch, BATCH) > 0) {
            writeEntries(batch);
            batch.clear();
        }
        writeCounters();
        if (Duration.between(lastPrune, clock.instant()).compareTo(PRUNE_EVERY) >= 0) {
            prune();
        }
    }

    private void writeEntries(List<LoggedRequest> batch) {
        DSLContext dsl = database.dsl();
        Set<String> existing = existingDirectories(dsl, batch.stream().map(LoggedRequest::directoryId).collect(Collectors.toSet()));
        Map<String, String> organizationNames = new HashMap<>();
        Map<String, String> directoryOfUser = directoryUsersChanged(batch, existing);
        Map<String, DirectoryUserStatuses.Entry> statusOf = statuses.findAll(directoryOfUser);
        ChangeExplainer explainer = new ChangeExplainer(
                id -> organizationNames.computeIfAbsent(id, key -> organizations.find(key).map(Organization::name).orElse(key)),
                (directoryId, directoryUserId) -> (directoryId.equals(directoryOfUser.get(directoryUserId))
                        ? Optional.ofNullable(statusOf.get(directoryUserId))
                        : statuses.find(directoryId, directoryUserId))
                        .map(DirectoryUserStatuses.Entry::status));
        List<ProvisioningLogRecord> rows = new ArrayList<>(batch.size());
        List<ExplainedRequest> explained = new ArrayList<>(batch.size());
        for (LoggedRequest request : batch) {
            if (!existing.contains(request.directoryId())) {
                continue; // an unknown directory in the URL, or one deleted since
            }
            String reason = explainer.reason(request);
            explained.add(new ExplainedRequest(request, reason, explainer.outcomes(request)));
            rows.add(new ProvisioningLogRecord()
                    .setDirectoryId(request.directoryId())
                    .setReceivedAt(utc(request.receivedAt()))
                    .setMethod(request.method())
                    .setPath(cut(request.path(), MAX_PATH))
                    .setStatus(request.status())
                    .setDurationMs((int) Math.min(Integer.MAX_VALUE, request.durationMillis()))
                    .setChanges(json(explainer.changes(request.changes())))
                    .setReason(cut(reason, MAX_REASON)));
        }
        if (rows.isEmpty()) {
            return;
        }
        Set<String> written = insertLines(rows);
        writtenSincePrune.addAll(written);
        explained.stream().filter(request -> written.contains(request.request().directoryId()))
                .forEach(monitor::requestExplained);
    }

    /**
     * Inserts the lines in one transaction, so that the store commits once for them all (in
     * autocommit H2 commits after each row of a JDBC batch, writing its file once per line). A
     * directory deleted since its existence was checked fails the whole transaction: it is retried
     * once without the lines of the directories that no longer exist.
     *
     * @return the directories whose lines were written
     */
    private Set<String> insertLines(List<ProvisioningLogRecord> rows) {
        try {
            insertInOneTransaction(rows);
            return directoriesOf(rows);
        } catch (RuntimeException e) {
            Set<String> still = existingDirectories(database.dsl(), directoriesOf(rows));
            List<ProvisioningLogRecord> kept = rows.stream().filter(row -> still.contains(row.getDirectoryId())).toList();
            LOG.debug("Writing {} provisioning log lines failed ({}); retrying the {} of directories that still exist",
                    rows.size(), e.toString(), kept.size());
            if (!kept.isEmpty()) {
                insertInOneTransaction(kept);
            }
            return directoriesOf(kept);
        }
    }

    private void insertInOneTransaction(List<ProvisioningLogRecord> rows) {
        database.transaction(tx -> {
            LINES.execute(tx.dsl(), rows);
            return null;
        });
    }

    private static Set<String> directoriesOf(List<ProvisioningLogRecord> rows) {
        Set<String> directories = new HashSet<>();
        rows.forEach(row -> directories.add(row.getDirectoryId()));
        return directories;
    }

    /**
     * The directory users whose provisioning state the explainer may ask about (those of
     * {@code dsync.user.*} events but deletions), with their directories: read for the whole batch
     * in one statement rather than one per request.
     */
    private static Map<String, String> directoryUsersChanged(List<LoggedRequest> batch, Set<String> existing) {
        Map<String, String> directoryOfUser = new HashMap<>();
        for (LoggedRequest request : batch) {
            if (!existing.contains(request.directoryId())) {
                continue;
            }
            for (PendingEvent event : request.changes()) {
                if (event.type().startsWith("dsync.user.") && !event.type().equals("dsync.user.deleted")) {
                    directoryOfUser.put(event.data().path("id").asText(), request.directoryId());
                }
            }
        }
        return directoryOfUser;
    }

    private void writeCounters() {
        List<RequestCounters.Taken> taken = counters.take();
        if (taken.isEmpty()) {
            return;
        }
        DSLContext dsl = database.dsl();
        Set<String> existing = existingDirectories(dsl, taken.stream().map(t -> t.key().directoryId()).collect(Collectors.toSet()));
        var hour = DIRECTORY_REQUEST_HOUR;
        for (RequestCounters.Taken entry : taken) {
            if (!existing.contains(entry.key().directoryId())) {
                continue;
            }
            RequestCounters.Counts counts = entry.counts();
            OffsetDateTime lastRequest = utc(counts.lastRequestAt);
            OffsetDateTime lastError = counts.lastErrorAt == null ? null : utc(counts.lastErrorAt);
            Field<OffsetDateTime> newLastError = lastError == null ? hour.LAST_ERROR_AT
                    : DSL.greatest(DSL.coalesce(hour.LAST_ERROR_AT, DSL.val(lastError)), DSL.val(lastError));
            try {
                dsl.insertInto(hour)
                        .set(hour.DIRECTORY_ID, entry.key().directoryId())
                        .set(hour.HOUR_START, utc(entry.key().hourStart()))
                        .set(hour.REQUESTS, counts.requests)
                        .set(hour.ERRORS, counts.errors)
                        .set(hour.THROTTLED, counts.throttled)
                        .set(hour.LAST_REQUEST_AT, lastRequest)
                        .set(hour.LAST_ERROR_AT, lastError)
                        .onConflict(hour.DIRECTORY_ID, hour.HOUR_START)
                        .doUpdate()
                        .set(hour.REQUESTS, hour.REQUESTS.plus(counts.requests))
                        .set(hour.ERRORS, hour.ERRORS.plus(counts.errors))
                        .set(hour.THROTTLED, hour.THROTTLED.plus(counts.throttled))
                        .set(hour.LAST_REQUEST_AT, DSL.greatest(hour.LAST_REQUEST_AT, DSL.val(lastRequest)))
                        .set(hour.LAST_ERROR_AT, newLastError)
                        .execute();
            } catch (DataAccessException e) {
                // The directory was deleted between the check and the write: its counts go with it.
                LOG.debug("Request counts of directory {} not written: {}", entry.key().directoryId(), e.toString());
            }
        }
    }

    private static Set<String> existingDirectories(DSLContext dsl, Set<String> ids) {
        Set<String> existing = new HashSet<>();
        DIRECTORIES.run(List.copyOf(ids),
                (select, wanted) -> existing.addAll(select.fetch(dsl, wanted).getValues(DIRECTORY.ID)));
        return existing;
    }

    /**
     * Removes what is older than the retention, and each directory's lines beyond its newest
     * {@code rowsPerDirectory}.
     *
     * @return how many log lines went
     */
    public synchronized int prune() {
        DSLContext dsl = database.dsl();
        Instant now = clock.instant();
        OffsetDateTime cutoff = utc(now.minus(retention));
        int removed = dsl.deleteFrom(PROVISIONING_LOG).where(PROVISIONING_LOG.RECEIVED_AT.lt(cutoff)).execute();
        dsl.deleteFrom(DIRECTORY_REQUEST_HOUR).where(DIRECTORY_REQUEST_HOUR.HOUR_START.lt(cutoff)).execute();
        for (String directoryId : writtenSincePrune) {
            Long oldestKept = dsl.select(PROVISIONING_LOG.ID).from(PROVISIONING_LOG)
                    .where(PROVISIONING_LOG.DIRECTORY_ID.eq(directoryId))
                    .orderBy(PROVISIONING_LOG.ID.desc())
                    .offset(rowsPerDirectory - 1).limit(1)
                    .fetchOne(PROVISIONING_LOG.ID);
            if (oldestKept != null) {
                removed += dsl.deleteFrom(PROVISIONING_LOG)
                        .where(PROVISIONING_LOG.DIRECTORY_ID.eq(directoryId))
                        .and(PROVISIONING_LOG.ID.lt(oldestKept))
                        .execute();
            }
        }
        writtenSincePrune.clear();
        lastPrune = now;
        return removed;
    }

    /** A directory's log lines, newest first: those before {@code beforeId} when it is given. */
    public List<ProvisioningLogEntry> list(String directoryId, Long beforeId, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new ScimgateException(ErrorCode.INVALID_LIMIT, "limit must be between 1 and " + MAX_PAGE);
        }
        return database.dsl().selectFrom(PROVISIONING_LOG)
                .where(PROVISIONING_LOG.DIRECTORY_ID.eq(directoryId))
                .and(beforeId == null ? DSL.noCondition() : PROVISIONING_LOG.ID.lt(beforeId))
                .orderBy(PROVISIONING_LOG.ID.desc())
                .limit(limit)
                .fetch(ProvisioningLog::toEntry);
    }

    /** The directory's last request and error, and its requests, errors and 429s hour by hour over the last day. */
    public DirectoryHealth health(String directoryId) {
        var hour = DIRECTORY_REQUEST_HOUR;
        Instant currentHour = clock.instant().truncatedTo(ChronoUnit.HOURS);
        Instant firstHour = currentHour.minus(HOURS_SHOWN - 1, ChronoUnit.HOURS);
        Map<Instant, DirectoryHealth.Hour> counted = new HashMap<>();
        database.dsl().selectFrom(hour)
                .where(hour.DIRECTORY_ID.eq(directoryId))
                .and(hour.HOUR_START.ge(utc(firstHour)))
                .forEach(row -> counted.put(row.getHourStart().toInstant(), new DirectoryHealth.Hour(
                        row.getHourStart().toInstant(), row.getRequests(), row.getErrors(), row.getThrottled())));
        List<DirectoryHealth.Hour> hours = new ArrayList<>(HOURS_SHOWN);
        long requests = 0;
        long errors = 0;
        long throttled = 0;
        for (int i = 0; i < HOURS_SHOWN; i++) {
            Instant start = firstHour.plus(i, ChronoUnit.HOURS);
            DirectoryHealth.Hour h = counted.getOrDefault(start, new DirectoryHealth.Hour(start, 0, 0, 0));
            hours.add(h);
            requests += h.requests();
            errors += h.errors();
            throttled += h.throttled();
        }
        Record2<OffsetDateTime, OffsetDateTime> last = database.dsl()
                .select(DSL.max(hour.LAST_REQUEST_AT), DSL.max(hour.LAST_ERROR_AT))
                .from(hour).where(hour.DIRECTORY_ID.eq(directoryId)).fetchOne();
        return new DirectoryHealth(directoryId, Times.instant(last.value1()), Times.instant(last.value2()), requests,
                errors, throttled, hours);
    }

    private static ProvisioningLogEntry toEntry(ProvisioningLogRecord row) {
        try {
            return new ProvisioningLogEntry(row.getId(), row.getDirectoryId(), row.getReceivedAt().toInstant(),
                    row.getMethod(), row.getPath(), row.getStatus(), row.getDurationMs(), JSON.readTree(row.getChanges()),
                    row.getReason());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
