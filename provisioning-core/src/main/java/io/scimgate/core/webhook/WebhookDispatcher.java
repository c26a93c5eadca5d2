package io.scimgate.core.webhook;

import static io.scimgate.core.store.schema.Tables.WEBHOOK_DELIVERY;
import static io.scimgate.core.store.schema.Tables.WEBHOOK_ENDPOINT;
import static io.scimgate.core.store.schema.Tables.WEBHOOK_RESEND;

import io.scimgate.core.events.Event;
import io.scimgate.core.events.Events;
import io.scimgate.core.webhook.WebhookDeliveryMonitor.WebhookAttemptOutcome;
import io.scimgate.core.store.internal.Database;
import io.scimgate.core.store.internal.Ids;
import io.scimgate.core.store.internal.Times;
import io.scimgate.core.store.schema.tables.records.WebhookDeliveryRecord;
import io.scimgate.core.store.schema.tables.records.WebhookEndpointRecord;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Posts events to webhook endpoints (P25): in id order per endpoint, at least once, signed. A
 * failed event is retried with exponential backoff and jitter until it is three days old, then
 * given up so the endpoint moves on. Several instances on one PostgreSQL share the work through a
 * lease on each endpoint, so an endpoint is served by one instance at a time. Events an operator
 * asked to resend ({@link Webhooks#resend}) go out first.
 */
public final class WebhookDispatcher implements AutoCloseable {

    public static final Duration GIVE_UP_AFTER = Duration.ofDays(3);
    static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    static final Duration LONGEST_RETRY = Duration.ofHours(1);
    private static final Duration LEASE = Duration.ofMinutes(2);
    private static final int BATCH = 100;
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);

    private final Database database;
    private final Clock clock;
    private final Events events;
    private final HttpClient http;
    private final String instance = Ids.newId();
    private final AtomicBoolean wakeUpPending = new AtomicBoolean();
    private static final Duration STOP_WAIT = Duration.ofSeconds(15);
    private volatile boolean stopping;
    private ScheduledExecutorService scheduler;
    private ScheduledFuture<?> rounds;
    private volatile WebhookDeliveryMonitor monitor = new WebhookDeliveryMonitor() {
    };

    public WebhookDispatcher(Database database, Clock clock, Events events) {
        this.database = database;
        this.clock = clock;
        this.events = events;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** Is told the outcome of each delivery attempt. */
    public void monitoredBy(WebhookDeliveryMonitor monitor) {
        this.monitor = monitor;
    }

    /**
     * When the oldest event some endpoint has not received yet was written, or empty when every
     * endpoint is up to date; one query per endpoint, for a metric read now and then.
     */
    public Optional<Instant> oldestUndeliveredEventAt() {
        Instant oldest = null;
        for (WebhookEndpointRecord endpoint : database.dsl().selectFrom(WEBHOOK_ENDPOINT).fetch()) {
            for (Event next : events.list(endpoint.getCursorEventId(), 1, Webhooks.types(endpoint), endpoint.getOrganizationId())) {
                oldest = oldest == null || next.createdAt().isBefore(oldest) ? next.createdAt() : oldest;
            }
        }
        return Optional.ofNullable(oldest);
    }

    /** Delivers in the background: every second, and right after events are committed. */
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "scimgate-webhooks");
            thread.setDaemon(true);
            return thread;
        });
        stopping = false;
        rounds = scheduler.scheduleWithFixedDelay(this::deliverDueSafely, 1, 1, TimeUnit.SECONDS);
        events.addListener(event -> wakeUp());
    }

    /** True while started and its delivery rounds are still scheduled (a round that died with an Error ends them). */
    public synchronized boolean isAlive() {
        return scheduler != null && !rounds.isDone();
    }

    private void wakeUp() {
        ScheduledExecutorService running = scheduler;
        if (running != null && wakeUpPending.compareAndSet(false, true)) {
            try {
                running.execute(() -> {
                    wakeUpPending.set(false);
                    deliverDueSafely();
                });
            } catch (RejectedExecutionException stopped) {
                wakeUpPending.set(false);
            }
        }
    }

    /**
     * Stops at a safe point: the delivery under way finishes and is recorded (its endpoint's
     * cursor and lease are written), no further event is sent, and the thread ends. The thread is
     * interrupted only if that takes longer than {@link #STOP_WAIT}, since H2 closes its database
     * when a writing thread is interrupted.
     */
    @Override
    public synchronized void close() {
        if (scheduler == null) {
            return;
        }
        stopping = true;
        scheduler.shutdown();
        try {
            if (!scheduler.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("The webhook dispatcher did not stop within {}; interrupting it", STOP_WAIT);
                scheduler.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            scheduler.shutdownNow();
        }
        scheduler = null;
    }

    private void deliverDueSafely() {
        try {
            deliverDue();
        } catch (RuntimeException e) {
            LOG.error("Webhook delivery round failed", e);
        }
    }

    /** One round: every endpoint whose next attempt is due gets the events after its cursor. */
    public void deliverDue() {
        OffsetDateTime now = Times.now(clock);
        List<String> due = database.dsl().select(WEBHOOK_ENDPOINT.ID).from(WEBHOOK_ENDPOINT)
                .where(WEBHOOK_ENDPOINT.NEXT_ATTEMPT_AT.isNull().or(WEBHOOK_ENDPOINT.NEXT_ATTEMPT_AT.le(now)))
                .and(WEBHOOK_ENDPOINT.LEASE_UNTIL.isNull().or(WEBHOOK_ENDPOINT.LEASE_UNTIL.lt(now)))
                .fetch(WEBHOOK_ENDPOINT.ID);
        for (String endpointId : due) {
            if (stopping) {
                return;
            }
            if (lease(endpointId)) {
                try {
                    serve(endpointId);
                } finally {
                    release(endpointId);
                }
            }
        }
    }

    private void serve(String endpointId) {
        WebhookEndpointRecord endpoint = database.dsl().fetchOne(WEBHOOK_ENDPOINT, WEBHOOK_ENDPOINT.ID.eq(endpointId));
        if (endpoint == null || !resendQueued(endpoint)) {
            return;
        }
        List<Event> pending = events.list(endpoint.getCursorEventId(), BATCH, Webhooks.types(endpoint),
                endpoint.getOrganizationId());
        for (Event event : pending) {
            if (stopping || !deliver(endpoint, event)) {
                return;
            }
        }
    }

    /**
     * Sends the events an operator asked to resend, oldest request first, before the endpoint goes
     * on after its cursor. A failure is retried with the same backoff, and given up like any event,
     * three days after the request.
     *
     * @return whether the endpoint may go on to the events after its cursor
     */
    private boolean resendQueued(WebhookEndpointRecord endpoint) {
        var queued = database.dsl().select(WEBHOOK_RESEND.EVENT_ID, WEBHOOK_RESEND.REQUESTED_AT).from(WEBHOOK_RESEND)
                .where(WEBHOOK_RESEND.ENDPOINT_ID.eq(endpoint.getId()))
                .orderBy(WEBHOOK_RESEND.REQUESTED_AT, WEBHOOK_RESEND.EVENT_ID)
                .limit(BATCH)
                .fetch();
        for (var resend : queued) {
            if (stopping) {
                return false;
            }
            long eventId = resend.value1();
            List<Event> found = events.list(eventId - 1, 1, Webhooks.types(endpoint), endpoint.getOrganizationId());
            if (found.isEmpty() || found.get(0).id() != eventId) {
                dequeue(endpoint, eventId); // the event is gone from the log: nothing left to send
                continue;
            }
            Event event = found.get(0);
            int attempt = endpoint.getAttempts() + 1;
            Answer answer = post(endpoint, event);
            if (answer.interrupted()) {
                return false;
            }
            if (answer.delivered()) {
                resent(endpoint, eventId, attempt, "delivered", answer);
                monitor.webhookAttempt(WebhookAttemptOutcome.DELIVERED);
            } else if (Times.instant(resend.value2()).plus(GIVE_UP_AFTER).isBefore(clock.instant())) {
                LOG.warn("Webhook {} gave up resending event {} after {} attempts: {}", endpoint.getId(), eventId, attempt,
                        answer.error());
                resent(endpoint, eventId, attempt, "gave_up", answer);
                monitor.webhookAttempt(WebhookAttemptOutcome.GAVE_UP);
            } else {
                retryLater(endpoint, event, attempt, answer.status(), answer.error());
                return false;
            }
        }
        return true;
    }

    /** Takes a resend off the queue after its last attempt, records that attempt and ends the endpoint's failure streak. */
    private void resent(WebhookEndpointRecord endpoint, long eventId, int attempt, String outcome, Answer answer) {
        OffsetDateTime now = Times.now(clock);
        database.transaction(tx -> {
            tx.dsl().deleteFrom(WEBHOOK_RESEND)
                    .where(WEBHOOK_RESEND.ENDPOINT_ID.eq(endpoint.getId()), WEBHOOK_RESEND.EVENT_ID.eq(eventId)).execute();
            tx.dsl().update(WEBHOOK_ENDPOINT)
                    .set(WEBHOOK_ENDPOINT.ATTEMPTS, 0)
                    .set(WEBHOOK_ENDPOINT.NEXT_ATTEMPT_AT, (OffsetDateTime) null)
                    .set(WEBHOOK_ENDPOINT.LAST_ERROR, truncate(answer.error()))
                    .set(WEBHOOK_ENDPOINT.UPDATED_AT, now)
                    .where(WEBHOOK_ENDPOINT.ID.eq(endpoint.getId()))
                    .execute();
            record(tx.dsl(), endpoint.getId(), eventId, attempt, outcome, answer.status(), answer.error(), now);
            return null;
        });
        endpoint.setAttempts(0);
    }

    private void dequeue(WebhookEndpointRecord endpoint, long eventId) {
        database.transaction(tx -> tx.dsl().deleteFrom(WEBHOOK_RESEND)
                .where(WEBHOOK_RESEND.ENDPOINT_ID.eq(endpoint.getId()), WEBHOOK_RESEND.EVENT_ID.eq(eventId)).execute());
    }

    /** How an endpoint answered one post: a 2xx status, another status, or an error without status. */
    private record Answer(Integer status, String error, boolean interrupted) {
        boolean delivered() {
            return error == null && !interrupted;
        }
    }

    private Answer post(WebhookEndpointRecord endpoint, Event event) {
        String body = Events.envelope(event).toString();
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(endpoint.getUrl()))
                            .timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/json")
                            .header("User-Agent", "scimgate-webhooks")
                            .header("Scimgate-Event-Id", Long.toString(event.id()))
                            .header(WebhookSignature.HEADER,
                                    WebhookSignature.sign(endpoint.getSecret(), clock.millis(), body))
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            return new Answer(status, status >= 200 && status < 300 ? null : "HTTP " + status, false);
        } catch (IOException | IllegalArgumentException e) {
            return new Answer(null, e.getClass().getSimpleName() + ": " + e.getMessage(), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(null, null, true);
        }
    }

    /** @return whether the endpoint may go on to the next event */
    private boolean deliver(WebhookEndpointRecord endpoint, Event event) {
        int attempt = endpoint.getAttempts() + 1;
        Answer answer = post(endpoint, event);
        if (answer.interrupted()) {
            return false;
        }
        if (answer.delivered()) {
            advance(endpoint, event, attempt, "delivered", answer.status(), null);
            return true;
        }
        if (event.createdAt().plus(GIVE_UP_AFTER).isBefore(clock.instant())) {
            LOG.warn("Webhook {} gave up on event {} after {} attempts: {}", endpoint.getId(), event.id(), attempt,
                    answer.error());
            advance(endpoint, event, attempt, "gave_up", answer.status(), answer.error());
            return true;
        }
        retryLater(endpoint, event, attempt, answer.status(), answer.error());
        return false;
    }

    private void advance(WebhookEndpointRecord endpoint, Event event, int attempt, String outcome, Integer status,
            String error) {
        OffsetDateTime now = Times.now(clock);
        database.transaction(tx -> {
            tx.dsl().update(WEBHOOK_ENDPOINT)
                    .set(WEBHOOK_ENDPOINT.CURSOR_EVENT_ID, event.id())
                    .set(WEBHOOK_ENDPOINT.ATTEMPTS, 0)
                    .set(WEBHOOK_ENDPOINT.NEXT_ATTEMPT_AT, (OffsetDateTime) null)
                    .set(WEBHOOK_ENDPOINT.LAST_ERROR, error)
                    .set(WEBHOOK_ENDPOINT.UPDATED_AT, now)
                    .where(WEBHOOK_ENDPOINT.ID.eq(endpoint.getId()))
                    .execute();
            record(tx.dsl(), endpoint.getId(), event.id(), attempt, outcome, status, error, now);
            return null;
        });
        endpoint.setCursorEventId(event.id());
        endpoint.setAttempts(0);
        monitor.webhookAttempt(outcome.equals("delivered") ? WebhookAttemptOutcome.DELIVERED : WebhookAttemptOutcome.GAVE_UP);
    }

    private void retryLater(WebhookEndpointRecord endpoint, Event event, int attempt, Integer status, String error) {
        OffsetDateTime now = Times.now(clock);
        Instant next = clock.instant().plus(backoff(attempt));
        database.transaction(tx -> {
            tx.dsl().update(WEBHOOK_ENDPOINT)
                    .set(WEBHOOK_ENDPOINT.ATTEMPTS, attempt)
                    .set(WEBHOOK_ENDPOINT.NEXT_ATTEMPT_AT, OffsetDateTime.ofInstant(next, now.getOffset()))
                    .set(WEBHOOK_ENDPOINT.LAST_ERROR, truncate(error))
                    .set(WEBHOOK_ENDPOINT.UPDATED_AT, now)
                    .where(WEBHOOK_ENDPOINT.ID.eq(endpoint.getId()))
                    .execute();
            record(tx.dsl(), endpoint.getId(), event.id(), attempt, "failed", status, error, now);
            return null;
        });
        monitor.webhookAttempt(WebhookAttemptOutcome.RETRY);
    }

    /** 5 s, 10 s, 20 s … doubling up to an hour, each stretched or shrunk by up to a half at random. */
    static Duration backoff(int attempt) {
        long base = FIRST_RETRY.toMillis() << Math.min(attempt - 1, 20);
        long capped = Math.min(base, LONGEST_RETRY.toMillis());
        return Duration.ofMillis((long) (capped * (0.5 + ThreadLocalRandom.current().nextDouble())));
    }

    private static void record(org.jooq.DSLContext dsl, String endpointId, long eventId, int attempt, String outcome,
            Integer status, String error, OffsetDateTime now) {
        WebhookDeliveryRecord row = dsl.newRecord(WEBHOOK_DELIVERY);
        row.setEndpointId(endpointId);
        row.setEventId(eventId);
        row.setAttempt(attempt);
        row.setOutcome(outcome);
        row.setStatusCode(status);
        row.setError(truncate(error));
        row.setCreatedAt(now);
        row.insert();
    }

    private boolean lease(String endpointId) {
        OffsetDateTime now = Times.now(clock);
        return database.transaction(tx -> tx.dsl().update(WEBHOOK_ENDPOINT)
                .set(WEBHOOK_ENDPOINT.LEASE_OWNER, instance)
                .set(WEBHOOK_ENDPOINT.LEASE_UNTIL, now.plus(LEASE))
                .where(WEBHOOK_ENDPOINT.ID.eq(endpointId))
                .and(WEBHOOK_ENDPOINT.LEASE_UNTIL.isNull().or(WEBHOOK_ENDPOINT.LEASE_UNTIL.lt(now)))
                .execute()) == 1;
    }

    private void release(String endpointId) {
        database.transaction(tx -> tx.dsl().update(WEBHOOK_ENDPOINT)
                .set(WEBHOOK_ENDPOINT.LEASE_OWNER, (String) null)
                .set(WEBHOOK_ENDPOINT.LEASE_UNTIL, (OffsetDateTime) null)
                .where(WEBHOOK_ENDPOINT.ID.eq(endpointId), WEBHOOK_ENDPOINT.LEASE_OWNER.eq(instance))
                .execute());
    }

    private static String truncate(String error) {
        return error == null || error.length() <= 1000 ? error : error.substring(0, 1000);
    }
}
