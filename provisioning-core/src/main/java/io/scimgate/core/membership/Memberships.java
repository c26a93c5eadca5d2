package io.scimgate.core.membership;

import static io.scimgate.core.store.schema.Tables.APP_USER;
import static io.scimgate.core.store.schema.Tables.ORGANIZATION;
import static io.scimgate.core.store.schema.Tables.ORGANIZATION_MEMBERSHIP;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.core.ErrorCode;
import io.scimgate.core.InternalApi;
import io.scimgate.core.ScimgateException;
import io.scimgate.core.organization.OrganizationRoles;
import io.scimgate.core.organization.internal.OrganizationRoleRows;
import io.scimgate.core.store.internal.Database;
import io.scimgate.core.store.internal.Ids;
import io.scimgate.core.store.internal.Times;
import io.scimgate.core.store.internal.Tx;
import io.scimgate.core.store.schema.tables.records.OrganizationMembershipRecord;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jooq.Condition;
import org.jooq.DSLContext;

/**
 * Organization memberships: read by the host app, changed by the provisioning rules and by hand:
 * roles, and the lifecycle of memberships no directory manages (deactivate, reactivate, remove).
 */
public final class Memberships {


    private final Database database;
    private final Clock clock;
    private final SessionRevoker sessionRevoker;
    private final List<MembershipRemovalHook> removalHooks = new CopyOnWriteArrayList<>();

    @InternalApi
    public Memberships(Database database, Clock clock, SessionRevoker sessionRevoker) {
        this.database = database;
        this.clock = clock;
        this.sessionRevoker = sessionRevoker;
    }

    /** Hooks told inside the transaction that removes a membership, e.g. to revoke its invitations. */
    @InternalApi
    public void addRemovalHook(MembershipRemovalHook hook) {
        removalHooks.add(hook);
    }

    /** A membership as stored, with the role it had before it was deprovisioned (P19). */
    public record Stored(Membership membership, String rememberedRole) {
    }

    /** A person whose directory membership is pending, with the e-mail address that may promote it (P24). */
    public record PendingMember(String userId, String email) {
    }

    public Optional<Membership> find(String id) {
        return database.dsl().fetchOptional(ORGANIZATION_MEMBERSHIP, ORGANIZATION_MEMBERSHIP.ID.eq(id))
                .map(Memberships::toMembership);
    }

    public Optional<Membership> find(String organizationId, String userId) {
        return database.dsl().fetchOptional(ORGANIZATION_MEMBERSHIP,
                ORGANIZATION_MEMBERSHIP.ORGANIZATION_ID.eq(organizationId),
                ORGANIZATION_MEMBERSHIP.USER_ID.eq(userId)).map(Memberships::toMembership);
    }

    /** The memberships of an organization, optionally of one status, oldest first. */
    public List<Membership> list(String organizationId, MembershipStatus status) {
        Condition where = ORGANIZATION_MEMBERSHIP.ORGANIZATION_ID.eq(organizationId);
        if (status != null) {
            where = where.and(ORGANIZATION_MEMBERSHIP.STATUS.eq(status.slug()));
        }
        return database.dsl().selectFrom(ORGANIZATION_MEMBERSHIP).where(where)
                .orderBy(ORGANIZATION_MEMBERSHIP.CREATED_AT, ORGANIZATION_MEMBERSHIP.ID)
                .fetch(Memberships::toMembership);
    }

    public List<Membership> listOfUser(String userId) {
        return database.dsl().selectFrom(ORGANIZATION_MEMBERSHIP).where(ORGANIZATION_MEMBERSHIP.USER_ID.eq(userId))
                .orderBy(ORGANIZATION_MEMBERSHIP.CREATED_AT, ORGANIZATION_MEMBERSHIP.ID)
                .fetch(Memberships::toMembership);
    }

    /**
     * Sets a member's role by hand: a role of the organization's catalogue (P26). For members whose
     * organization maps directory groups to roles, the mapping replaces it at the next change of
     * their groups (P22).
     */
    public Membership setRole(String membershipId, String role) {
        String checked = OrganizationRoles.checkRole(role);
        return database.transaction(tx -> {
            Stored stored = lockOrThrow(tx.dsl(), membershipId);
            OrganizationRoleRows.requireRole(tx.dsl(), stored.membership().organizationId(), checked);
            return update(tx, stored, stored.membership().status(), checked, stored.rememberedRole(),
                    stored.membership().directoryManaged());
        });
    }

    /**
     * Deactivates a membership no directory manages, as a directory's deprovisioning does (P19): the
     * member may no longer sign in, the role is remembered and reset to the default, and the host's
     * session revoker is called. An inactive one stays as it is.
     */
    public Membership deactivate(String membershipId) {
        return database.transaction(tx -> {
            Stored stored = lockOrThrow(tx.dsl(), membershipId);
            Membership membership = requireManual(stored.membership(), "deactivated");
            return switch (membership.status()) {
                case INACTIVE -> membership;
                case PENDING -> throw new ScimgateException(ErrorCode.MEMBERSHIP_PENDING, "Membership " + membershipId
                        + " is pending: revoke its invitation or remove the membership instead");
                case ACTIVE -> {
                    Membership inactive = update(tx, stored, MembershipStatus.INACTIVE,
                            defaultRole(tx.dsl(), membership.organizationId()), membership.role(), false);
                    tx.afterCommit(() -> sessionRevoker.revokeSessions(membership.userId(), membership.organizationId()));
                    yield inactive;
                }
            };
        });
    }

    /** Reactivates a membership no directory manages, with the role it had (P20). An active one stays as it is. */
    public Membership reactivate(String membershipId) {
        return database.transaction(tx -> {
            Stored stored = lockOrThrow(tx.dsl(), membershipId);
            Membership membership = requireManual(stored.membership(), "reactivated");
            return switch (membership.status()) {
                case ACTIVE -> membership;
                case PENDING -> throw new ScimgateException(ErrorCode.MEMBERSHIP_PENDING, "Membership " + membershipId
                        + " is pending: it becomes active when its invitation is accepted");
                case INACTIVE -> update(tx, stored, MembershipStatus.ACTIVE,
                        stored.rememberedRole() != null ? stored.rememberedRole() : membership.role(), null, false);
            };
        });
    }

    /**
     * Removes a pending or inactive membership, with its pending invitations. An active one must be
     * deactivated first (by its directory when one manages it), so that nobody loses access unnoticed.
     */
    public void remove(String membershipId) {
        database.transaction(tx -> {
            Membership membership = lockOrThrow(tx.dsl(), membershipId).membership();
            if (membership.status() == MembershipStatus.ACTIVE) {
                throw new ScimgateException(ErrorCode.MEMBERSHIP_ACTIVE, "Membership " + membershipId
                        + " is active; deactivate it first" + (membership.directoryManaged()
                        ? " (in the identity provider: a directory manages it)" : ""));
            }
            for (MembershipRemovalHook hook : removalHooks) {
                hook.removing(tx, membership);
            }
            delete(tx, membership);
            return null;
        });
    }

    private static Membership requireManual(Membership membership, String wanted) {
        if (membership.directoryManaged()) {
            throw new ScimgateException(ErrorCode.MEMBERSHIP_DIRECTORY_MANAGED, "Membership " + membership.id()
                    + " is managed by a directory and cannot be " + wanted + " by hand; change the person in the "
                    + "identity provider, or delete the directory to manage its memberships here");
        }
        return membership;
    }

    private static Stored lockOrThrow(DSLContext dsl, String membershipId) {
        return lock(dsl, membershipId).orElseThrow(() -> notFound(membershipId));
    }

    /** Locks a membership by its id. */
    @InternalApi
    public static Optional<Stored> lock(DSLContext dsl, String membershipId) {
        return dsl.selectFrom(ORGANIZATION_MEMBERSHIP).where(ORGANIZATION_MEMBERSHIP.ID.eq(membershipId)).forUpdate()
                .fetchOptional(row -> new Stored(toMembership(row), row.getRememberedRole()));
    }

    /** The organization's default role, as read inside a transaction. */
    @InternalApi
    public static String defaultRole(DSLContext dsl, String organizationId) {
        return dsl.select(ORGANIZATION.DEFAULT_ROLE).from(ORGANIZATION).where(ORGANIZATION.ID.eq(organizationId))
                .fetchSingle(ORGANIZATION.DEFAULT_ROLE);
    }

    @InternalApi
    public static Optional<Stored> lock(DSLContext dsl, String organizationId, String userId) {
        return dsl.selectFrom(ORGANIZATION_MEMBERSHIP)
                .where(ORGANIZATION_MEMBERSHIP.ORGANIZATION_ID.eq(organizationId), ORGANIZATION_MEMBERSHIP.USER_ID.eq(userId))
                .forUpdate()
                .fetchOptional(row -> new Stored(toMembership(row), row.getRememberedRole()));
    }

    /** Inserts a membership and emits {@code organization_membership.created}; a concurrent insert makes it throw. */
    @InternalApi
    public Membership insert(Tx tx, String organizationId, String userId, MembershipStatus status, String role,
            boolean directoryManaged) {
        OffsetDateTime now = Times.now(clock);
        OrganizationMembershipRecord row = new OrganizationMembershipRecord()
                .setId(Ids.newId())
                .setOrganizationId(organizationId)
                .setUserId(userId)
                .setStatus(status.slug())
                .setRole(role)
                .setDirectoryManaged(directoryManaged)
                .setCreatedAt(now)
                .setUpdatedAt(now);
        tx.dsl().executeInsert(row);
        Membership membership = toMembership(row);
        tx.emit("organization_membership.created", organizationId, null, membership.eventData());
        return membership;
    }

    /** Changes a locked membership; emits one {@code organization_membership.updated} if anything visible changed. */
    @InternalApi
    public Membership update(Tx tx, Stored stored, MembershipStatus status, String role, String rememberedRole,
            boolean directoryManaged) {
        Membership before = stored.membership();
        boolean visibleChange = before.status() != status || !before.role().equals(role)
                || before.directoryManaged() != directoryManaged;
        if (!visibleChange && Objects.equals(stored.rememberedRole(), rememberedRole)) {
            return before;
        }
        OffsetDateTime now = Times.now(clock);
        tx.dsl().update(ORGANIZATION_MEMBERSHIP)
                .set(ORGANIZATION_MEMBERSHIP.STATUS, status.slug())
                .set(ORGANIZATION_MEMBERSHIP.ROLE, role)
                .set(ORGANIZATION_MEMBERSHIP.REMEMBERED_ROLE, rememberedRole)
                .set(ORGANIZATION_MEMBERSHIP.DIRECTORY_MANAGED, directoryManaged)
                .set(ORGANIZATION_MEMBERSHIP.UPDATED_AT, visibleChange ? now : OffsetDateTime.ofInstant(before.updatedAt(), ZoneOffset.UTC))
                .where(ORGANIZATION_MEMBERSHIP.ID.eq(before.id()))
                .execute();
        Membership after = new Membership(before.id(), before.organizationId(), before.userId(), status, role,
                directoryManaged, before.createdAt(), visibleChange ? now.toInstant() : before.updatedAt());
        if (visibleChange) {
            ObjectNode data = after.eventData();
            ObjectNode previous = data.putObject("previousAttributes");
            if (before.status() != status) {
                previous.put("status", before.status().slug());
            }
            if (!before.role().equals(role)) {
                previous.put("role", before.role());
            }
            if (before.directoryManaged() != directoryManaged) {
                previous.put("directoryManaged", before.directoryManaged());
            }
            tx.emit("organization_membership.updated", before.organizationId(), null, data);
        }
        return after;
    }

    @InternalApi
    public void delete(Tx tx, Membership membership) {
        tx.dsl().deleteFrom(ORGANIZATION_MEMBERSHIP).where(ORGANIZATION_MEMBERSHIP.ID.eq(membership.id())).execute();
        tx.emit("organization_membership.deleted", membership.organizationId(), null, membership.eventData());
    }

    /** The e-mail address of each pending membership of an organization, for domain promotion (P24). */
    @InternalApi
    public static List<PendingMember> pendingWithEmails(DSLContext dsl, String organizationId) {
        return dsl.select(ORGANIZATION_MEMBERSHIP.USER_ID, APP_USER.EMAIL)
                .from(ORGANIZATION_MEMBERSHIP)
                .join(APP_USER).on(APP_USER.ID.eq(ORGANIZATION_MEMBERSHIP.USER_ID))
                .where(ORGANIZATION_MEMBERSHIP.ORGANIZATION_ID.eq(organizationId),
                        ORGANIZATION_MEMBERSHIP.STATUS.eq(MembershipStatus.PENDING.slug()),
                        ORGANIZATION_MEMBERSHIP.DIRECTORY_MANAGED.isTrue())
                .orderBy(ORGANIZATION_MEMBERSHIP.USER_ID)
                .fetch(row -> new PendingMember(row.value1(), row.value2()));
    }


    public static ScimgateException notFound(String id) {
        return new ScimgateException(ErrorCode.MEMBERSHIP_NOT_FOUND, "No membership with id " + id);
    }

    static Membership toMembership(OrganizationMembershipRecord row) {
        return new Membership(row.getId(), row.getOrganizationId(), row.getUserId(),
                MembershipStatus.fromSlug(row.getStatus()), row.getRole(), Boolean.TRUE.equals(row.getDirectoryManaged()),
                Times.instant(row.getCreatedAt()), Times.instant(row.getUpdatedAt()));
    }
}
