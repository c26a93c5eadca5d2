package io.scimgate.core.invitation;

import static io.scimgate.core.store.schema.Tables.INVITATION;
import static io.scimgate.core.store.schema.Tables.ORGANIZATION;

import io.scimgate.core.ScimgateException;
import io.scimgate.core.membership.MembershipStatus;
import io.scimgate.core.membership.Memberships;
import io.scimgate.core.store.Database;
import io.scimgate.core.store.Ids;
import io.scimgate.core.store.Times;
import io.scimgate.core.store.Tx;
import io.scimgate.core.store.schema.tables.records.InvitationRecord;
import io.scimgate.core.tenant.OrganizationSettings;
import io.scimgate.core.tenant.TenantCache;
import io.scimgate.core.token.SecretTokens;
import io.scimgate.core.user.User;
import io.scimgate.core.user.Users;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Invitations (P14, P23): a single-use token stored only as a hash, valid for a limited time.
 * Accepting one makes its pending membership active and the user's email verified.
 */
public final class Invitations {

    public static final Duration DEFAULT_EXPIRY = Duration.ofDays(7);
    public static final String TOKEN_PREFIX = "sgi_";

    private final Database database;
    private final Clock clock;
    private final Duration expiry;
    private final String acceptUrlTemplate;
    private final InvitationSender sender;
    private final Memberships memberships;
    private final Users users;
    private final TenantCache tenants;

    public Invitations(Database database, Clock clock, Duration expiry, String acceptUrlTemplate,
            InvitationSender sender, Memberships memberships, Users users, TenantCache tenants) {
        this.database = database;
        this.clock = clock;
        this.expiry = expiry;
        this.acceptUrlTemplate = acceptUrlTemplate;
        this.sender = sender;
        this.memberships = memberships;
        this.users = users;
        this.tenants = tenants;
    }

    public Optional<Invitation> find(String id) {
        return database.dsl().fetchOptional(INVITATION, INVITATION.ID.eq(id)).map(this::toInvitation);
    }

    public Invitation get(String id) {
        return find(id).orElseThrow(() -> notFound(id));
    }

    /** Invitations, newest first, of one organization and/or in one state when given. */
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
            throw ScimgateException.invalid("token_required", "An invitation token is required");
        }
        return database.transaction(tx -> {
            DSLContext dsl = tx.dsl();
            InvitationRecord row = dsl.selectFrom(INVITATION).where(INVITATION.TOKEN_HASH.eq(SecretTokens.hash(token.trim())))
                    .forUpdate().fetchOptional()
                    .filter(found -> SecretTokens.matches(token.trim(), found.getTokenHash()))
                    .orElseThrow(() -> ScimgateException.notFound("invitation_not_found",
                            "No invitation has this token (it may have been renewed)"));
            requirePending(toInvitation(row), "accepted");
            OffsetDateTime now = Times.now(clock);
            row.setState(InvitationState.ACCEPTED.slug());
            row.setAcceptedAt(now);
            row.setUpdatedAt(now);
            row.store();
            Invitation accepted = toInvitation(row);
            tx.emit("invitation.accepted", accepted.organizationId(), null, accepted.eventData());
            if (row.getUserId() != null) {
                Users.lockById(dsl, row.getUserId()).ifPresent(user -> {
                    activateMembership(tx, accepted.organizationId(), user);
                    users.update(tx, accepted.organizationId(), user, user.firstName(), user.lastName(), true);
                });
            }
            return accepted;
        });
    }

    /** Issues a new token and expiry for a pending (or expired) invitation and delivers it again. */
    public IssuedInvitation resend(String id) {
        return database.transaction(tx -> {
            InvitationRecord row = lock(tx.dsl(), id);
            Invitation current = toInvitation(row);
            if (current.state() != InvitationState.PENDING && current.state() != InvitationState.EXPIRED) {
                throw transitionRefused(current, "resent");
            }
            String token = SecretTokens.generate(TOKEN_PREFIX);
            OffsetDateTime now = Times.now(clock);
            row.setTokenHash(SecretTokens.hash(token));
            row.setExpiresAt(now.plus(expiry));
            row.setUpdatedAt(now);
            row.store();
            Invitation renewed = toInvitation(row);
            tx.emit("invitation.resent", renewed.organizationId(), null, renewed.eventData());
            deliverAfterCommit(tx, renewed, token, true);
            return new IssuedInvitation(renewed, token, acceptUrl(token));
        });
    }

    /** Revokes a pending invitation; its token stops working. */
    public Invitation revoke(String id) {
        return database.transaction(tx -> {
            InvitationRecord row = lock(tx.dsl(), id);
            Invitation current = toInvitation(row);
            if (current.state() != InvitationState.PENDING && current.state() != InvitationState.EXPIRED) {
                throw transitionRefused(current, "revoked");
            }
            return revoke(tx, row);
        });
    }

    /** Creates a pending invitation for a user to join an organization, delivered after commit (P14). */
    public Invitation create(Tx tx, String organizationId, User user) {
        String token = SecretTokens.generate(TOKEN_PREFIX);
        OffsetDateTime now = Times.now(clock);
        InvitationRecord row = tx.dsl().newRecord(INVITATION);
        row.setId(Ids.newId());
        row.setOrganizationId(organizationId);
        row.setUserId(user.id());
        row.setEmail(user.email());
        row.setEmailKey(Users.emailKey(user.email()));
        row.setState(InvitationState.PENDING.slug());
        row.setTokenHash(SecretTokens.hash(token));
        row.setExpiresAt(now.plus(expiry));
        row.setCreatedAt(now);
        row.setUpdatedAt(now);
        row.insert();
        Invitation invitation = toInvitation(row);
        tx.emit("invitation.created", organizationId, null, invitation.eventData());
        deliverAfterCommit(tx, invitation, token, false);
        return invitation;
    }

    /** Revokes every pending invitation of a user to an organization (P19, P24). */
    public void revokePending(Tx tx, String organizationId, String userId) {
        tx.dsl().selectFrom(INVITATION)
                .where(INVITATION.ORGANIZATION_ID.eq(organizationId), INVITATION.USER_ID.eq(userId),
                        INVITATION.STATE.eq(InvitationState.PENDING.slug()))
                .forUpdate()
                .fetch()
                .forEach(row -> revoke(tx, row));
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
        Optional<Memberships.Stored> stored = Memberships.lock(tx.dsl(), organizationId, user.id());
        if (stored.isEmpty()) {
            String role = tx.dsl().select(ORGANIZATION.DEFAULT_ROLE).from(ORGANIZATION)
                    .where(ORGANIZATION.ID.eq(organizationId)).fetchSingle().value1();
            memberships.insert(tx, organizationId, user.id(), MembershipStatus.ACTIVE, role, false);
        } else if (stored.get().membership().status() == MembershipStatus.PENDING) {
            var membership = stored.get().membership();
            memberships.update(tx, stored.get(), MembershipStatus.ACTIVE, membership.role(), stored.get().rememberedRole(),
                    membership.directoryManaged());
        }
    }

    private void deliverAfterCommit(Tx tx, Invitation invitation, String token, boolean resent) {
        OrganizationSettings organization = tenants.organization(tx.dsl(), invitation.organizationId());
        if (organization.sendInvitations()) {
            InvitationDelivery delivery = new InvitationDelivery(invitation, organization.name(), token, acceptUrl(token), resent);
            tx.afterCommit(() -> sender.send(delivery));
        }
    }

    private String acceptUrl(String token) {
        return acceptUrlTemplate == null ? null
                : acceptUrlTemplate.replace("{token}", URLEncoder.encode(token, StandardCharsets.UTF_8));
    }

    private static void requirePending(Invitation invitation, String wanted) {
        if (invitation.state() != InvitationState.PENDING) {
            throw transitionRefused(invitation, wanted);
        }
    }

    private static ScimgateException transitionRefused(Invitation invitation, String wanted) {
        return ScimgateException.invalid("invitation_" + invitation.state().slug(),
                "Invitation " + invitation.id() + " is " + invitation.state().slug() + " and cannot be " + wanted);
    }

    private static InvitationRecord lock(DSLContext dsl, String id) {
        return dsl.selectFrom(INVITATION).where(INVITATION.ID.eq(id)).forUpdate().fetchOptional()
                .orElseThrow(() -> notFound(id));
    }

    public static ScimgateException notFound(String id) {
        return ScimgateException.notFound("invitation_not_found", "No invitation with id " + id);
    }

    private Invitation toInvitation(InvitationRecord row) {
        InvitationState state = InvitationState.fromSlug(row.getState());
        Instant expiresAt = Times.instant(row.getExpiresAt());
        if (state == InvitationState.PENDING && !expiresAt.isAfter(clock.instant())) {
            state = InvitationState.EXPIRED;
        }
        return new Invitation(row.getId(), row.getOrganizationId(), row.getUserId(), row.getEmail(), state, expiresAt,
                Times.instant(row.getAcceptedAt()), Times.instant(row.getRevokedAt()), Times.instant(row.getCreatedAt()),
                Times.instant(row.getUpdatedAt()));
    }

}
