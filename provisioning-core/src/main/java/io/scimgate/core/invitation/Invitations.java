package io.scimgate.core.invitation;

import static io.scimgate.core.store.schema.Tables.INVITATION;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.core.ErrorCode;
import io.scimgate.core.InternalApi;
import io.scimgate.core.ScimgateException;
import io.scimgate.core.membership.Membership;
import io.scimgate.core.membership.MembershipStatus;
import io.scimgate.core.membership.Memberships;
import io.scimgate.core.membership.internal.MembershipRows;
import io.scimgate.core.store.internal.Database;
import io.scimgate.core.store.internal.Ids;
import io.scimgate.core.store.internal.Times;
import io.scimgate.core.store.internal.Tx;
import io.scimgate.core.store.schema.tables.records.InvitationRecord;
import io.scimgate.core.token.SecretTokens;
import io.scimgate.core.user.User;
import io.scimgate.core.user.Users;
import io.scimgate.core.user.internal.UserRows;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Invitations (P14, P23): a single-use token stored only as a hash, valid for a limited time.
 * Accepting one makes its pending membership active and the user's email verified. A pending
 * membership is never left without a way in: an expired or revoked invitation is followed by a
 * fresh one on request ({@link #resend}, {@link #invite}).
 */
public final class Invitations {

    public static final Duration DEFAULT_EXPIRY = Duration.ofDays(7);
    public static final String TOKEN_PREFIX = "sgi_";

    private final Database database;
    private final Clock clock;
    private final Duration expiry;
    private final AcceptUrls acceptUrls;
    private final InvitationOutbox outbox;
    private final MembershipRows membershipRows;
    private final UserRows userRows;

    @InternalApi
    public Invitations(Database database, Clock clock, Duration expiry, String acceptUrlTemplate,
            InvitationOutbox outbox, MembershipRows membershipRows, UserRows userRows) {
        this.database = database;
        this.clock = clock;
        this.expiry = expiry;
        this.acceptUrls = new AcceptUrls(acceptUrlTemplate);
        this.outbox = outbox;
        this.membershipRows = membershipRows;
        this.userRows = userRows;
    }

    public Optional<Invitation> find(String id) {
        return database.dsl().fetchOptional(INVITATION, INVITATION.ID.eq(id)).map(this::toInvitation);
    }

    public Invitation get(String id) {
        return find(id).orElseThrow(() -> notFound(id));
    }

    /** Invitations, newest first, of one organization and/or in one state when given. */
    /** How the delivery of each of these invitations stands, by invitation id. */
    public Map<String, DeliveryStatus> deliveries(List<Invitation> invitations) {
        return outbox.statusOf(invitations);
    }

    public List<Invitation> list(String organizationId, InvitationState state) {
        Condition where = DSL.noCondition();
        if (organizationId != null) {
            where = where.and(INVITATION.ORGANIZATION_ID.eq(organizationId));
        }
        if (state != null) {
            OffsetDateTime now = Times.now(clock);
            where = where.and(switch (state) {
                case PENDING -> INVITATION.STATE.eq(InvitationState.PENDING.slug()).and(INVITATION.EXPIRES_AT.gt(now));
                case EXPIRED -> INVITATION.STATE.eq(InvitationState.PENDING.slug()).and(INVITATION.EXPIRES_AT.le(now));
                default -> INVITATION.STATE.eq(state.slug());
            });
        }
        return database.dsl().selectFrom(INVITATION).where(where).orderBy(INVITATION.SEQ.desc()).fetch(this::toInvitation);
    }

    /** Accepts an invitation by its token: once, while it is pending and unexpired. */
    public Invitation accept(String token) {
        if (token == null || token.isBlank()) {
            throw new ScimgateException(ErrorCode.TOKEN_REQUIRED, "An invitation token is required");
        }
        return database.transaction(tx -> {
            DSLContext dsl = tx.dsl();
            InvitationRecord row = dsl.selectFrom(INVITATION).where(INVITATION.TOKEN_HASH.eq(SecretTokens.hash(token.trim())))
                    .forUpdate().fetchOptional()
                    .filter(found -> SecretTokens.matches(token.trim(), found.getTokenHash()))
                    .orElseThrow(() -> new ScimgateException(ErrorCode.INVITATION_NOT_FOUND,
                            "No invitation has this token (it may have been renewed)"));
            Invitation current = toInvitation(row);
            if (current.state() != InvitationState.PENDING) {
                throw transitionRefused(current, "accepted");
            }
            OffsetDateTime now = Times.now(clock);
            row.setState(InvitationState.ACCEPTED.slug());
            row.setAcceptedAt(now);
            row.setUpdatedAt(now);
            row.store();
            Invitation accepted = toInvitation(row);
            tx.emit("invitation.accepted", accepted.organizationId(), null, accepted.eventData());
            if (row.getUserId() != null) {
                UserRows.lockById(dsl, row.getUserId()).ifPresent(user -> {
                    activateMembership(tx, accepted.organizationId(), user);
                    userRows.update(tx, accepted.organizationId(), user, user.firstName(), user.lastName(), true);
                });
            }
            return accepted;
        });
    }

    /**
     * Delivers an invitation again. A pending one gets a new token and expiry
     * ({@code invitation.resent}); an expired or revoked one is followed by a fresh invitation
     * ({@code invitation.created}) while its membership is still pending.
     */
    public IssuedInvitation resend(String id) {
        return database.transaction(tx -> {
            InvitationRecord row = lock(tx.dsl(), id);
            Invitation current = toInvitation(row);
            return switch (current.state()) {
                case PENDING -> renew(tx, row);
                case EXPIRED, REVOKED -> inviteAgain(tx, current.organizationId(), current.userId(), current.directoryId());
                case ACCEPTED -> throw transitionRefused(current, "resent");
            };
        });
    }

    /** A fresh invitation for a pending membership whose invitations expired or were revoked. */
    public IssuedInvitation invite(String membershipId) {
        return database.transaction(tx -> {
            Membership membership = MembershipRows.lock(tx.dsl(), membershipId)
                    .orElseThrow(() -> Memberships.notFound(membershipId)).membership();
            String directoryId = tx.dsl().select(INVITATION.DIRECTORY_ID).from(INVITATION)
                    .where(INVITATION.ORGANIZATION_ID.eq(membership.organizationId()), INVITATION.USER_ID.eq(membership.userId()))
                    .orderBy(INVITATION.SEQ.desc()).limit(1)
                    .fetchOptional(INVITATION.DIRECTORY_ID).orElse(null);
            return inviteAgain(tx, membership.organizationId(), membership.userId(), directoryId);
        });
    }

    /** Revokes a pending invitation; its token stops working. An expired one is a conflict: it is over already. */
    public Invitation revoke(String id) {
        return database.transaction(tx -> {
            InvitationRecord row = lock(tx.dsl(), id);
            Invitation current = toInvitation(row);
            if (current.state() == InvitationState.EXPIRED) {
                throw new ScimgateException(ErrorCode.INVITATION_EXPIRED, "Invitation " + id
                        + " expired at " + current.expiresAt() + " and cannot be revoked; its token no longer works");
            }
            if (current.state() != InvitationState.PENDING) {
                throw transitionRefused(current, "revoked");
            }
            return revoke(tx, row);
        });
    }

    /**
     * Creates a pending invitation for a user to join an organization and queues its delivery,
     * made after commit (P14). {@code directoryId} names the directory that invited, or null.
     */
    @InternalApi
    public Invitation create(Tx tx, String organizationId, User user, String directoryId) {
        return issue(tx, organizationId, user, directoryId).invitation();
    }

    /** Revokes every pending invitation of a user to an organization (P19, P24, a removed membership). */
    @InternalApi
    public void revokePending(Tx tx, String organizationId, String userId) {
        tx.dsl().selectFrom(INVITATION)
                .where(INVITATION.ORGANIZATION_ID.eq(organizationId), INVITATION.USER_ID.eq(userId),
                        INVITATION.STATE.eq(InvitationState.PENDING.slug()))
                .forUpdate()
                .fetch()
                .forEach(row -> revoke(tx, row));
    }

    private IssuedInvitation issue(Tx tx, String organizationId, User user, String directoryId) {
        String token = SecretTokens.generate(TOKEN_PREFIX);
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
        outbox.enqueue(tx, invitation, token, false);
        return new IssuedInvitation(invitation, token, acceptUrls.of(token));
    }

    private IssuedInvitation renew(Tx tx, InvitationRecord row) {
        String token = SecretTokens.generate(TOKEN_PREFIX);
        OffsetDateTime now = Times.now(clock);
        row.setTokenHash(SecretTokens.hash(token));
        row.setExpiresAt(now.plus(expiry));
        row.setDeliveredAt(null);
        row.setLastDeliveryError(null);
        row.setUpdatedAt(now);
        row.store();
        Invitation renewed = toInvitation(row);
        tx.emit("invitation.resent", renewed.organizationId(), null, withAcceptUrl(renewed, token));
        outbox.enqueue(tx, renewed, token, true);
        return new IssuedInvitation(renewed, token, acceptUrls.of(token));
    }

    /** A fresh invitation, while the membership waits for one: pending, and without a pending invitation. */
    private IssuedInvitation inviteAgain(Tx tx, String organizationId, String userId, String directoryId) {
        DSLContext dsl = tx.dsl();
        Membership membership = (userId == null ? Optional.<MembershipRows.Stored>empty() : MembershipRows.lock(dsl, organizationId, userId))
                .map(MembershipRows.Stored::membership)
                .filter(found -> found.status() == MembershipStatus.PENDING)
                .orElseThrow(() -> new ScimgateException(ErrorCode.MEMBERSHIP_NOT_PENDING,
                        "Only a pending membership can be invited; this person's membership is active, inactive or gone"));
        Optional<String> pending = dsl.select(INVITATION.ID).from(INVITATION)
                .where(INVITATION.ORGANIZATION_ID.eq(organizationId), INVITATION.USER_ID.eq(userId),
                        INVITATION.STATE.eq(InvitationState.PENDING.slug()), INVITATION.EXPIRES_AT.gt(Times.now(clock)))
                .limit(1).fetchOptional(INVITATION.ID);
        if (pending.isPresent()) {
            throw new ScimgateException(ErrorCode.INVITATION_PENDING, "Invitation " + pending.get()
                    + " is still pending for this membership; resend it instead");
        }
        User user = UserRows.lockById(dsl, membership.userId()).orElseThrow(() -> Users.notFound(membership.userId()));
        return issue(tx, organizationId, user, directoryId);
    }

    /** P23 and README "Invitations reach people": the accept URL goes to host apps that mail on their own; it holds the token, never logged. */
    private ObjectNode withAcceptUrl(Invitation invitation, String token) {
        return invitation.eventData().put("acceptUrl", acceptUrls.of(token));
    }

    private Invitation revoke(Tx tx, InvitationRecord row) {
        OffsetDateTime now = Times.now(clock);
        row.setState(InvitationState.REVOKED.slug());
        row.setRevokedAt(now);
        row.setUpdatedAt(now);
        row.store();
        Invitation revoked = toInvitation(row);
        tx.emit("invitation.revoked", revoked.organizationId(), null, revoked.eventData());
        return revoked;
    }

    private void activateMembership(Tx tx, String organizationId, User user) {
        Optional<MembershipRows.Stored> stored = MembershipRows.lock(tx.dsl(), organizationId, user.id());
        if (stored.isEmpty()) {
            membershipRows.insert(tx, organizationId, user.id(), MembershipStatus.ACTIVE,
                    MembershipRows.defaultRole(tx.dsl(), organizationId), false);
        } else if (stored.get().membership().status() == MembershipStatus.PENDING) {
            var membership = stored.get().membership();
            membershipRows.update(tx, stored.get(), MembershipStatus.ACTIVE, membership.role(), stored.get().rememberedRole(),
                    membership.directoryManaged());
        }
    }

    private static ScimgateException transitionRefused(Invitation invitation, String wanted) {
        ErrorCode code = switch (invitation.state()) {
            case PENDING -> ErrorCode.INVITATION_PENDING;
            case ACCEPTED -> ErrorCode.INVITATION_ACCEPTED;
            case REVOKED -> ErrorCode.INVITATION_REVOKED;
            case EXPIRED -> ErrorCode.INVITATION_EXPIRED;
        };
        return new ScimgateException(code,
                "Invitation " + invitation.id() + " is " + invitation.state().slug() + " and cannot be " + wanted);
    }

    private static InvitationRecord lock(DSLContext dsl, String id) {
        return dsl.selectFrom(INVITATION).where(INVITATION.ID.eq(id)).forUpdate().fetchOptional()
                .orElseThrow(() -> notFound(id));
    }

    public static ScimgateException notFound(String id) {
        return new ScimgateException(ErrorCode.INVITATION_NOT_FOUND, "No invitation with id " + id);
    }

    private Invitation toInvitation(InvitationRecord row) {
        return read(row, clock);
    }

    /** An invitation row as read at the clock's now: a pending one past its expiry reads as expired (P23). */
    static Invitation read(InvitationRecord row, Clock clock) {
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
}
