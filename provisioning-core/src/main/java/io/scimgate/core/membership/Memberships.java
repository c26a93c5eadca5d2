package io.scimgate.core.membership;

import static io.scimgate.core.store.schema.Tables.ORGANIZATION_MEMBERSHIP;

import io.scimgate.core.ErrorCode;
import io.scimgate.core.ScimgateException;
import io.scimgate.core.membership.internal.MembershipRemovalHook;
import io.scimgate.core.membership.internal.MembershipRows;
import io.scimgate.core.organization.OrganizationRoles;
import io.scimgate.core.organization.internal.OrganizationRoleRows;
import io.scimgate.core.store.internal.Database;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;

/**
 * Organization memberships: read by the host app, changed by the provisioning rules and by hand:
 * roles, and the lifecycle of memberships no directory manages (deactivate, reactivate, remove).
 */
public final class Memberships {


    private final Database database;
    private final MembershipRows rows;
    private final SessionRevoker sessionRevoker;
    private final MembershipRemovalHook onRemoval;

    /** {@code onRemoval} is told inside the transaction that removes a membership, e.g. to revoke its invitations. */
    public Memberships(Database database, MembershipRows rows, SessionRevoker sessionRevoker, MembershipRemovalHook onRemoval) {
        this.database = database;
        this.rows = rows;
        this.sessionRevoker = sessionRevoker;
        this.onRemoval = onRemoval;
    }

    public Optional<Membership> find(String id) {
        return database.dsl().fetchOptional(ORGANIZATION_MEMBERSHIP, ORGANIZATION_MEMBERSHIP.ID.eq(id))
                .map(MembershipRows::toMembership);
    }

    public Optional<Membership> find(String organizationId, String userId) {
        return database.dsl().fetchOptional(ORGANIZATION_MEMBERSHIP,
                ORGANIZATION_MEMBERSHIP.ORGANIZATION_ID.eq(organizationId),
                ORGANIZATION_MEMBERSHIP.USER_ID.eq(userId)).map(MembershipRows::toMembership);
    }

    /** The memberships of an organization, optionally of one status, oldest first. */
    public List<Membership> list(String organizationId, MembershipStatus status) {
        Condition where = ORGANIZATION_MEMBERSHIP.ORGANIZATION_ID.eq(organizationId);
        if (status != null) {
            where = where.and(ORGANIZATION_MEMBERSHIP.STATUS.eq(status.slug()));
        }
        return database.dsl().selectFrom(ORGANIZATION_MEMBERSHIP).where(where)
                .orderBy(ORGANIZATION_MEMBERSHIP.CREATED_AT, ORGANIZATION_MEMBERSHIP.ID)
                .fetch(MembershipRows::toMembership);
    }

    public List<Membership> listOfUser(String userId) {
        return database.dsl().selectFrom(ORGANIZATION_MEMBERSHIP).where(ORGANIZATION_MEMBERSHIP.USER_ID.eq(userId))
                .orderBy(ORGANIZATION_MEMBERSHIP.CREATED_AT, ORGANIZATION_MEMBERSHIP.ID)
                .fetch(MembershipRows::toMembership);
    }

    /**
     * Sets a member's role by hand: a role of the organization's catalogue (P26). For members whose
     * organization maps directory groups to roles, the mapping replaces it at the next change of
     * their groups (P22).
     */
    public Membership setRole(String membershipId, String role) {
        String checked = OrganizationRoles.checkRole(role);
        return database.transaction(tx -> {
            MembershipRows.Stored stored = lockOrThrow(tx.dsl(), membershipId);
            OrganizationRoleRows.requireRole(tx.dsl(), stored.membership().organizationId(), checked);
            return rows.update(tx, stored, stored.membership().status(), checked, stored.rememberedRole(),
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
            MembershipRows.Stored stored = lockOrThrow(tx.dsl(), membershipId);
            Membership membership = requireManual(stored.membership(), "deactivated");
            return switch (membership.status()) {
                case INACTIVE -> membership;
                case PENDING -> throw new ScimgateException(ErrorCode.MEMBERSHIP_PENDING, "Membership " + membershipId
                        + " is pending: revoke its invitation or remove the membership instead");
                case ACTIVE -> {
                    Membership inactive = rows.update(tx, stored, MembershipStatus.INACTIVE,
                            MembershipRows.defaultRole(tx.dsl(), membership.organizationId()), membership.role(), false);
                    tx.afterCommit(() -> sessionRevoker.revokeSessions(membership.userId(), membership.organizationId()));
                    yield inactive;
                }
            };
        });
    }

    /** Reactivates a membership no directory manages, with the role it had (P20). An active one stays as it is. */
    public Membership reactivate(String membershipId) {
        return database.transaction(tx -> {
            MembershipRows.Stored stored = lockOrThrow(tx.dsl(), membershipId);
            Membership membership = requireManual(stored.membership(), "reactivated");
            return switch (membership.status()) {
                case ACTIVE -> membership;
                case PENDING -> throw new ScimgateException(ErrorCode.MEMBERSHIP_PENDING, "Membership " + membershipId
                        + " is pending: it becomes active when its invitation is accepted");
                case INACTIVE -> rows.update(tx, stored, MembershipStatus.ACTIVE,
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
            onRemoval.removing(tx, membership);
            rows.delete(tx, membership);
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

    private static MembershipRows.Stored lockOrThrow(DSLContext dsl, String membershipId) {
        return MembershipRows.lock(dsl, membershipId).orElseThrow(() -> notFound(membershipId));
    }

    public static ScimgateException notFound(String id) {
        return new ScimgateException(ErrorCode.MEMBERSHIP_NOT_FOUND, "No membership with id " + id);
    }
}
