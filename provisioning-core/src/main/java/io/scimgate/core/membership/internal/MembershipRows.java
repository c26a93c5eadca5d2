package io.scimgate.core.membership.internal;

import static io.scimgate.core.store.schema.Tables.APP_USER;
import static io.scimgate.core.store.schema.Tables.ORGANIZATION;
import static io.scimgate.core.store.schema.Tables.ORGANIZATION_MEMBERSHIP;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.core.membership.Membership;
import io.scimgate.core.membership.MembershipStatus;
import io.scimgate.core.store.internal.Ids;
import io.scimgate.core.store.internal.RenderedInsert;
import io.scimgate.core.store.internal.Times;
import io.scimgate.core.store.internal.Tx;
import io.scimgate.core.store.schema.tables.records.OrganizationMembershipRecord;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jooq.DSLContext;

/**
 * Memberships' rows inside a transaction: what the provisioning rules, invitations and role
 * mappings lock, insert, change and delete.
 */
public final class MembershipRows {

    private static final RenderedInsert<OrganizationMembershipRecord> INSERT = RenderedInsert.of(ORGANIZATION_MEMBERSHIP,
            ORGANIZATION_MEMBERSHIP.ID, ORGANIZATION_MEMBERSHIP.ORGANIZATION_ID, ORGANIZATION_MEMBERSHIP.USER_ID,
            ORGANIZATION_MEMBERSHIP.STATUS, ORGANIZATION_MEMBERSHIP.ROLE, ORGANIZATION_MEMBERSHIP.DIRECTORY_MANAGED,
            ORGANIZATION_MEMBERSHIP.CREATED_AT, ORGANIZATION_MEMBERSHIP.UPDATED_AT);

    private final Clock clock;

    public MembershipRows(Clock clock) {
        this.clock = clock;
    }

    /** A membership as stored, with the role it had before it was deprovisioned (P19). */
    public record Stored(Membership membership, String rememberedRole) {
    }

    /** A person whose directory membership is pending, with the e-mail address that may promote it (P24). */
    public record PendingMember(String userId, String email) {
    }

    /** Locks a membership by its id. */
    public static Optional<Stored> lock(DSLContext dsl, String membershipId) {
        return dsl.selectFrom(ORGANIZATION_MEMBERSHIP).where(ORGANIZATION_MEMBERSHIP.ID.eq(membershipId)).forUpdate()
                .fetchOptional(row -> new Stored(toMembership(row), row.getRememberedRole()));
    }

    /** The organization's default role, as read inside a transaction. */
    public static String defaultRole(DSLContext dsl, String organizationId) {
        return dsl.select(ORGANIZATION.DEFAULT_ROLE).from(ORGANIZATION).where(ORGANIZATION.ID.eq(organizationId))
                .fetchSingle(ORGANIZATION.DEFAULT_ROLE);
    }

    public static Optional<Stored> lock(DSLContext dsl, String organizationId, String userId) {
        return dsl.selectFrom(ORGANIZATION_MEMBERSHIP)
                .where(ORGANIZATION_MEMBERSHIP.ORGANIZATION_ID.eq(organizationId), ORGANIZATION_MEMBERSHIP.USER_ID.eq(userId))
                .forUpdate()
                .fetchOptional(row -> new Stored(toMembership(row), row.getRememberedRole()));
    }

    /** Inserts a membership and emits {@code organization_membership.created}; a concurrent insert makes it throw. */
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
        INSERT.execute(tx.dsl(), row);
        Membership membership = toMembership(row);
        tx.emit("organization_membership.created", organizationId, null, membership.eventData());
        return membership;
    }

    /** Changes a locked membership; emits one {@code organization_membership.updated} if anything visible changed. */
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

    public void delete(Tx tx, Membership membership) {
        tx.dsl().deleteFrom(ORGANIZATION_MEMBERSHIP).where(ORGANIZATION_MEMBERSHIP.ID.eq(membership.id())).execute();
        tx.emit("organization_membership.deleted", membership.organizationId(), null, membership.eventData());
    }

    /** The e-mail address of each pending membership of an organization, for domain promotion (P24). */
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

    public static Membership toMembership(OrganizationMembershipRecord row) {
        return new Membership(row.getId(), row.getOrganizationId(), row.getUserId(),
                MembershipStatus.fromSlug(row.getStatus()), row.getRole(), Boolean.TRUE.equals(row.getDirectoryManaged()),
                Times.instant(row.getCreatedAt()), Times.instant(row.getUpdatedAt()));
    }
}
