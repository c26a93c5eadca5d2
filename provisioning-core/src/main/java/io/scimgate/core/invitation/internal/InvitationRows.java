package io.scimgate.core.invitation.internal;

import static io.scimgate.core.store.schema.Tables.INVITATION;
import static io.scimgate.core.store.schema.Tables.INVITATION_DELIVERY;
import static io.scimgate.core.store.schema.Tables.ORGANIZATION;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.core.invitation.Invitation;
import io.scimgate.core.invitation.InvitationOutbox;
import io.scimgate.core.invitation.InvitationState;
import io.scimgate.core.invitation.Invitations;
import io.scimgate.core.invitation.IssuedInvitation;
import io.scimgate.core.store.internal.Ids;
import io.scimgate.core.store.internal.Times;
import io.scimgate.core.store.internal.Tx;
import io.scimgate.core.store.schema.tables.records.InvitationDeliveryRecord;
import io.scimgate.core.store.schema.tables.records.InvitationRecord;
import io.scimgate.core.token.SecretTokens;
import io.scimgate.core.user.User;
import io.scimgate.core.user.Users;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Invitations' rows inside a transaction (P14, P23, P29): issuing, renewing and revoking them, and
 * queuing their delivery with the change, for {@link Invitations} and for the provisioning rules.
 */
public final class InvitationRows {

    /** The outbox's logger: a delivery queued without a sender is logged where deliveries are. */
    private static final Logger LOG = LoggerFactory.getLogger(InvitationOutbox.class);

    private final Clock clock;
    private final Duration expiry;
    private final AcceptUrls acceptUrls;
    private final InvitationOutbox outbox;

    public InvitationRows(Clock clock, Duration expiry, String acceptUrlTemplate, InvitationOutbox outbox) {
        this.clock = clock;
        this.expiry = expiry;
        this.acceptUrls = new AcceptUrls(acceptUrlTemplate);
        this.outbox = outbox;
    }

    /**
     * Creates a pending invitation for a user to join an organization and queues its delivery,
     * made after commit (P14). {@code directoryId} names the directory that invited, or null.
     */
    public Invitation create(Tx tx, String organizationId, User user, String directoryId) {
        return issue(tx, organizationId, user, directoryId).invitation();
    }

    /** Revokes every pending invitation of a user to an organization (P19, P24, a removed membership). */
    public void revokePending(Tx tx, String organizationId, String userId) {
        tx.dsl().selectFrom(INVITATION)
                .where(INVITATION.ORGANIZATION_ID.eq(organizationId), INVITATION.USER_ID.eq(userId),
                        INVITATION.STATE.eq(InvitationState.PENDING.slug()))
                .forUpdate()
                .fetch()
                .forEach(row -> revoke(tx, row));
    }

    public IssuedInvitation issue(Tx tx, String organizationId, User user, String directoryId) {
        String token = SecretTokens.generate(Invitations.TOKEN_PREFIX);
        OffsetDateTime now = Times.now(clock);
        InvitationRecord row = tx.dsl().newRecord(INVITATION);
        row.setId(Ids.newId());
        row.setOrganizationId(organizationId);
        row.setUserId(user.id());
        row.setEmail(user.email());
        row.setEmailKey(Users.emailKey(user.email()));
        row.setState(InvitationState.PENDING.slug());
        row.setDirectoryId(directoryId);
        row.setTokenHash(SecretTokens.hash(token));
        row.setExpiresAt(now.plus(expiry));
        row.setCreatedAt(now);
        row.setUpdatedAt(now);
        row.insert();
        Invitation invitation = toInvitation(row);
        tx.emit("invitation.created", organizationId, null, withAcceptUrl(invitation, token));
        enqueue(tx, invitation, token, false);
        return new IssuedInvitation(invitation, token, acceptUrls.of(token));
    }

    public IssuedInvitation renew(Tx tx, InvitationRecord row) {
        String token = SecretTokens.generate(Invitations.TOKEN_PREFIX);
        OffsetDateTime now = Times.now(clock);
        row.setTokenHash(SecretTokens.hash(token));
        row.setExpiresAt(now.plus(expiry));
        row.setDeliveredAt(null);
        row.setLastDeliveryError(null);
        row.setUpdatedAt(now);
        row.store();
        Invitation renewed = toInvitation(row);
        tx.emit("invitation.resent", renewed.organizationId(), null, withAcceptUrl(renewed, token));
        enqueue(tx, renewed, token, true);
        return new IssuedInvitation(renewed, token, acceptUrls.of(token));
    }

    /** P23 and README "Invitations reach people": the accept URL goes to host apps that mail on their own; it holds the token, never logged. */
    private ObjectNode withAcceptUrl(Invitation invitation, String token) {
        return invitation.eventData().put("acceptUrl", acceptUrls.of(token));
    }

    public Invitation revoke(Tx tx, InvitationRecord row) {
        OffsetDateTime now = Times.now(clock);
        row.setState(InvitationState.REVOKED.slug());
        row.setRevokedAt(now);
        row.setUpdatedAt(now);
        row.store();
        Invitation revoked = toInvitation(row);
        tx.emit("invitation.revoked", revoked.organizationId(), null, revoked.eventData());
        return revoked;
    }

    /**
     * Queues the delivery of an invitation's current token, replacing a queued delivery of an older
     * token of the same invitation. Nothing is queued when the organization switched invitations off
     * (P14) or no sender is configured.
     */
    private void enqueue(Tx tx, Invitation invitation, String token, boolean resent) {
        boolean sendInvitations = tx.dsl().select(ORGANIZATION.SEND_INVITATIONS).from(ORGANIZATION)
                .where(ORGANIZATION.ID.eq(invitation.organizationId())).fetchSingle(ORGANIZATION.SEND_INVITATIONS);
        if (!sendInvitations) {
            return;
        }
        if (!outbox.hasSender()) {
            tx.afterCommit(() -> LOG.info("Invitation {} {} for {}: no invitation sender is configured, so nobody was "
                    + "notified; the accept URL is in the {} event", invitation.id(), resent ? "renewed" : "created",
                    masked(invitation.email()), resent ? "invitation.resent" : "invitation.created"));
            return;
        }
        tx.dsl().deleteFrom(INVITATION_DELIVERY).where(INVITATION_DELIVERY.INVITATION_ID.eq(invitation.id())).execute();
        OffsetDateTime now = Times.now(clock);
        InvitationDeliveryRecord row = tx.dsl().newRecord(INVITATION_DELIVERY)
                .setId(Ids.newId())
                .setInvitationId(invitation.id())
                .setToken(token)
                .setResent(resent)
                .setAttempts(0)
                .setNextAttemptAt(now)
                .setCreatedAt(now);
        row.insert();
        String deliveryId = row.getId();
        tx.afterCommit(() -> outbox.deliverQueued(deliveryId));
    }

    public Invitation toInvitation(InvitationRecord row) {
        return read(row, clock);
    }

    /** An invitation row as read at the clock's now: a pending one past its expiry reads as expired (P23). */
    public static Invitation read(InvitationRecord row, Clock clock) {
        InvitationState state = InvitationState.fromSlug(row.getState());
        Instant expiresAt = Times.instant(row.getExpiresAt());
        if (state == InvitationState.PENDING && !expiresAt.isAfter(clock.instant())) {
            state = InvitationState.EXPIRED;
        }
        return new Invitation(row.getId(), row.getOrganizationId(), row.getUserId(), row.getEmail(), state,
                row.getDirectoryId(), expiresAt, Times.instant(row.getAcceptedAt()), Times.instant(row.getRevokedAt()),
                Times.instant(row.getDeliveredAt()), row.getLastDeliveryError(), Times.instant(row.getCreatedAt()),
                Times.instant(row.getUpdatedAt()));
    }

    public static String masked(String email) {
        int at = email.indexOf('@');
        if (at <= 1) {
            return "***" + (at < 0 ? "" : email.substring(at));
        }
        return email.charAt(0) + "***" + email.substring(at);
    }
}
