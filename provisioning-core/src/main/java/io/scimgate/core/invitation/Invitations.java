package io.scimgate.core.invitation;

import static io.scimgate.core.store.schema.Tables.INVITATION;

import io.scimgate.core.ErrorCode;
import io.scimgate.core.ScimgateException;
import io.scimgate.core.invitation.internal.InvitationRows;
import io.scimgate.core.membership.Membership;
import io.scimgate.core.membership.MembershipStatus;
import io.scimgate.core.membership.Memberships;
import io.scimgate.core.membership.internal.MembershipRows;
import io.scimgate.core.store.internal.Database;
import io.scimgate.core.store.internal.Times;
import io.scimgate.core.store.internal.Tx;
import io.scimgate.core.store.schema.tables.records.InvitationRecord;
import io.scimgate.core.token.SecretTokens;
import io.scimgate.core.user.User;
import io.scimgate.core.user.Users;
import io.scimgate.core.user.internal.UserRows;
import java.time.Clock;
import java.time.Duration;
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
    private final InvitationRows rows;
    private final InvitationOutbox outbox;
    private final MembershipRows membershipRows;
    private final UserRows userRows;

    public Invitations(Database database, Clock clock, InvitationRows rows, InvitationOutbox outbox,
            MembershipRows membershipRows, UserRows userRows) {
        this.database = database;
        this.clock = clock;
        this.rows = rows;
        this.outbox = outbox;
        this.membershipRows = membershipRows;
        this.userRows = userRows;
    }

    public Optional<Invitation> find(String id) {
        return database.dsl().fetchOptional(INVITATION, INVITATION.ID.eq(id)).map(rows::toInvitation);
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
        return database.dsl().selectFrom(INVITATION).where(where).orderBy(INVITATION.SEQ.desc()).fetch(rows::toInvitation);
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
            Invitation current = rows.toInvitation(row);
            if (current.state() != InvitationState.PENDING) {
                throw transitionRefused(current, "accepted");
            }
            OffsetDateTime now = Times.now(clock);
            row.setState(InvitationState.ACCEPTED.slug());
            row.setAcceptedAt(now);
            row.setUpdatedAt(now);
            row.store();
            Invitation accepted = rows.toInvitation(row);
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
            Invitation current = rows.toInvitation(row);
            return switch (current.state()) {
                case PENDING -> rows.renew(tx, row);
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
            Invitation current = rows.toInvitation(row);
            if (current.state() == InvitationState.EXPIRED) {
                throw new ScimgateException(ErrorCode.INVITATION_EXPIRED, "Invitation " + id
                        + " expired at " + current.expiresAt() + " and cannot be revoked; its token no longer works");
            }
            if (current.state() != InvitationState.PENDING) {
                throw transitionRefused(current, "revoked");
            }
            return rows.revoke(tx, row);
        });
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
        return rows.issue(tx, organizationId, user, directoryId);
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
}
