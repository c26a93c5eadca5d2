package io.scimgate.core.invitation;

import static io.scimgate.core.store.schema.Tables.DIRECTORY;
import static io.scimgate.core.store.schema.Tables.INVITATION;
import static io.scimgate.core.store.schema.Tables.INVITATION_DELIVERY;
import static io.scimgate.core.store.schema.Tables.ORGANIZATION;

import io.scimgate.core.invitation.InvitationDeliveryMonitor.InvitationDeliveryOutcome;
import io.scimgate.core.invitation.internal.AcceptUrls;
import io.scimgate.core.invitation.internal.InvitationRows;
import io.scimgate.core.store.internal.BackgroundLoop;
import io.scimgate.core.store.internal.Database;
import io.scimgate.core.store.RetrySchedule;
import io.scimgate.core.store.internal.Times;
import io.scimgate.core.store.schema.tables.records.InvitationRecord;
import io.scimgate.core.token.SecretTokens;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jooq.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The outbox of invitation deliveries (P29, P14): a row is written in the transaction that
 * creates or renews an invitation, and handed to the {@link InvitationSender} after commit. A
 * failure is retried with backoff until the invitation expires; the outcome shows on the invitation
 * ({@code deliveredAt}, {@code lastDeliveryError}). Rows survive restarts, and instances sharing a
 * store claim each row with a conditional update, so a delivery is made by one of them.
 *
 * <p>Once {@link #start() started} (the bundled server does), deliveries run on a background thread
 * woken by each commit, so a slow mail server never holds up an identity provider's request. Not
 * started, each delivery is tried once in the committing thread, and retries wait for the next
 * {@link #deliverDue()}.
 */
public final class InvitationOutbox implements AutoCloseable {

    public static final RetrySchedule DEFAULT_RETRIES = new RetrySchedule(Duration.ofSeconds(30), Duration.ofHours(1), true);
    /** How long a claimed delivery is left to its instance before another may take it over. */
    static final Duration CLAIM = Duration.ofMinutes(2);
    private static final Duration POLL = Duration.ofSeconds(5);
    private static final int BATCH = 50;
    private static final int MAX_ERROR = 1000;
    private static final Logger LOG = LoggerFactory.getLogger(InvitationOutbox.class);

    private final Database database;
    private final Clock clock;
    private final InvitationSender sender;
    private final AcceptUrls acceptUrls;
    private final RetrySchedule retries;
    private final BackgroundLoop loop = new BackgroundLoop("scimgate-invitations", POLL, this::deliverDue);
    private volatile InvitationDeliveryMonitor monitor = new InvitationDeliveryMonitor() {
    };

    /** @param sender the sender, or null when none is configured: invitations are then only logged as due */
    public InvitationOutbox(Database database, Clock clock, InvitationSender sender, String acceptUrlTemplate,
            RetrySchedule retries) {
        this.database = database;
        this.clock = clock;
        this.sender = sender;
        this.acceptUrls = new AcceptUrls(acceptUrlTemplate);
        this.retries = retries;
    }

    /** Whether invitations are handed to a sender at all. */
    /** Is told the outcome of each hand-over to the invitation sender. */
    public void monitoredBy(InvitationDeliveryMonitor monitor) {
        this.monitor = monitor;
    }

    public boolean hasSender() {
        return sender != null;
    }

    /**
     * Hands a delivery queued by a committed transaction over: wakes the background delivery when it
     * runs, else tries it now, in the committing thread.
     */
    public void deliverQueued(String deliveryId) {
        if (loop.isRunning()) {
            loop.wake();
        } else {
            OffsetDateTime now = Times.now(clock);
            database.dsl().select(INVITATION_DELIVERY.ATTEMPTS).from(INVITATION_DELIVERY)
                    .where(INVITATION_DELIVERY.ID.eq(deliveryId), INVITATION_DELIVERY.NEXT_ATTEMPT_AT.le(now))
                    .fetchOptional(INVITATION_DELIVERY.ATTEMPTS)
                    .ifPresent(attempts -> claimAndDeliver(deliveryId, attempts));
        }
    }

    /** How the delivery of each of these invitations stands, by invitation id; one query per 500 invitations. */
    public Map<String, DeliveryStatus> statusOf(List<Invitation> invitations) {
        Map<String, DeliveryStatus> statuses = new HashMap<>();
        for (int from = 0; from < invitations.size(); from += 500) {
            List<Invitation> chunk = invitations.subList(from, Math.min(invitations.size(), from + 500));
            Map<String, Invitation> byId = new HashMap<>();
            chunk.forEach(invitation -> byId.put(invitation.id(), invitation));
            database.dsl().select(INVITATION_DELIVERY.INVITATION_ID, INVITATION_DELIVERY.ATTEMPTS, INVITATION_DELIVERY.NEXT_ATTEMPT_AT)
                    .from(INVITATION_DELIVERY)
                    .where(INVITATION_DELIVERY.INVITATION_ID.in(byId.keySet()))
                    .forEach(row -> statuses.put(row.value1(),
                            DeliveryStatus.queued(byId.get(row.value1()), row.value2(), Times.instant(row.value3()))));
        }
        invitations.forEach(invitation -> statuses.computeIfAbsent(invitation.id(),
                id -> DeliveryStatus.settled(invitation, hasSender())));
        return statuses;
    }

    /** One round: every queued delivery whose time has come is claimed and made. */
    public void deliverDue() {
        OffsetDateTime now = Times.now(clock);
        var due = database.dsl().select(INVITATION_DELIVERY.ID, INVITATION_DELIVERY.ATTEMPTS).from(INVITATION_DELIVERY)
                .where(INVITATION_DELIVERY.NEXT_ATTEMPT_AT.le(now))
                .orderBy(INVITATION_DELIVERY.NEXT_ATTEMPT_AT)
                .limit(BATCH)
                .fetch();
        for (var row : due) {
            claimAndDeliver(row.value1(), row.value2());
        }
    }

    /** Claims a delivery as seen with {@code attempts}; another instance that claimed it first wins. */
    private void claimAndDeliver(String deliveryId, int attempts) {
        OffsetDateTime now = Times.now(clock);
        int claimed = database.transaction(tx -> tx.dsl().update(INVITATION_DELIVERY)
                .set(INVITATION_DELIVERY.ATTEMPTS, attempts + 1)
                .set(INVITATION_DELIVERY.NEXT_ATTEMPT_AT, now.plus(CLAIM))
                .where(INVITATION_DELIVERY.ID.eq(deliveryId), INVITATION_DELIVERY.ATTEMPTS.eq(attempts),
                        INVITATION_DELIVERY.NEXT_ATTEMPT_AT.le(now))
                .execute());
        if (claimed == 1) {
            deliver(deliveryId, attempts + 1);
        }
    }

    private void deliver(String deliveryId, int attempt) {
        Record row = database.dsl().select(INVITATION_DELIVERY.TOKEN, INVITATION_DELIVERY.RESENT)
                .select(INVITATION.fields())
                .select(ORGANIZATION.NAME, DIRECTORY.NAME)
                .from(INVITATION_DELIVERY)
                .join(INVITATION).on(INVITATION.ID.eq(INVITATION_DELIVERY.INVITATION_ID))
                .join(ORGANIZATION).on(ORGANIZATION.ID.eq(INVITATION.ORGANIZATION_ID))
                .leftJoin(DIRECTORY).on(DIRECTORY.ID.eq(INVITATION.DIRECTORY_ID))
                .where(INVITATION_DELIVERY.ID.eq(deliveryId))
                .fetchOne();
        if (row == null) {
            return;
        }
        String token = row.get(INVITATION_DELIVERY.TOKEN);
        InvitationRecord invitationRow = row.into(INVITATION);
        Invitation invitation = InvitationRows.read(invitationRow, clock);
        if (invitation.state() != InvitationState.PENDING || !SecretTokens.matches(token, invitationRow.getTokenHash())) {
            // Accepted, revoked, expired or renewed since: this token must not go out any more.
            forget(deliveryId);
            return;
        }
        String organizationName = row.get(ORGANIZATION.NAME);
        String inviter = row.get(DIRECTORY.NAME) != null ? row.get(DIRECTORY.NAME) : organizationName;
        InvitationDelivery delivery = new InvitationDelivery(invitation, organizationName, inviter, token,
                acceptUrls.of(token), row.get(INVITATION_DELIVERY.RESENT));
        try {
            sender.send(delivery);
        } catch (RuntimeException e) {
            failed(deliveryId, invitation, attempt, describe(e, token));
            return;
        }
        delivered(deliveryId, invitation, token);
    }

    private void delivered(String deliveryId, Invitation invitation, String token) {
        OffsetDateTime now = Times.now(clock);
        database.transaction(tx -> {
            tx.dsl().deleteFrom(INVITATION_DELIVERY).where(INVITATION_DELIVERY.ID.eq(deliveryId)).execute();
            return tx.dsl().update(INVITATION)
                    .set(INVITATION.DELIVERED_AT, now)
                    .set(INVITATION.LAST_DELIVERY_ERROR, (String) null)
                    .where(INVITATION.ID.eq(invitation.id()), INVITATION.TOKEN_HASH.eq(SecretTokens.hash(token)))
                    .execute();
        });
        LOG.info("Invitation {} delivered to {}", invitation.id(), InvitationRows.masked(invitation.email()));
        monitor.invitationDelivery(InvitationDeliveryOutcome.SENT);
    }

    /** Records the error and tries again later, or gives up when the next try would come after the expiry. */
    private void failed(String deliveryId, Invitation invitation, int attempt, String error) {
        OffsetDateTime now = Times.now(clock);
        OffsetDateTime next = now.plus(retries.after(attempt));
        boolean giveUp = !next.toInstant().isBefore(invitation.expiresAt());
        String recorded = giveUp ? "Gave up after " + attempt + " attempts: " + error : error;
        database.transaction(tx -> {
            if (giveUp) {
                tx.dsl().deleteFrom(INVITATION_DELIVERY).where(INVITATION_DELIVERY.ID.eq(deliveryId)).execute();
            } else {
                tx.dsl().update(INVITATION_DELIVERY).set(INVITATION_DELIVERY.NEXT_ATTEMPT_AT, next)
                        .where(INVITATION_DELIVERY.ID.eq(deliveryId)).execute();
            }
            return tx.dsl().update(INVITATION).set(INVITATION.LAST_DELIVERY_ERROR, truncate(recorded))
                    .where(INVITATION.ID.eq(invitation.id())).execute();
        });
        monitor.invitationDelivery(giveUp ? InvitationDeliveryOutcome.GAVE_UP : InvitationDeliveryOutcome.FAILED);
        if (giveUp) {
            LOG.warn("Invitation {}: delivery given up after {} attempts: {}", invitation.id(), attempt, error);
        } else {
            LOG.warn("Invitation {}: delivery attempt {} failed, next at {}: {}", invitation.id(), attempt, next, error);
        }
    }

    private void forget(String deliveryId) {
        database.transaction(tx -> tx.dsl().deleteFrom(INVITATION_DELIVERY)
                .where(INVITATION_DELIVERY.ID.eq(deliveryId)).execute());
    }

    /** Delivers in the background: every few seconds, and right after a delivery is queued. */
    public void start() {
        loop.start();
    }

    /** Whether the background thread runs (started and not closed). */
    public boolean isRunning() {
        return loop.isRunning();
    }

    /**
     * Stops the background thread after the delivery under way; one cut short is taken over by an
     * instance (or this one, restarted) once its claim runs out.
     */
    @Override
    public void close() {
        loop.close();
    }

    /** The error for people, without the token should a sender have put it in its message. */
    private static String describe(RuntimeException e, String token) {
        StringBuilder text = new StringBuilder(e.getClass().getSimpleName());
        if (e.getMessage() != null) {
            text.append(": ").append(e.getMessage());
        }
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause.getMessage() != null) {
                text.append(" (").append(cause.getClass().getSimpleName()).append(": ").append(cause.getMessage()).append(')');
            }
        }
        return text.toString().replace(token, "***").replace(URLEncoder.encode(token, StandardCharsets.UTF_8), "***")
                .replaceAll("\\s+", " ").strip();
    }

    private static String truncate(String error) {
        return error.length() <= MAX_ERROR ? error : error.substring(0, MAX_ERROR);
    }
}
