package io.scimgate.core.role.internal;

import static io.scimgate.core.store.schema.Tables.DIRECTORY;
import static io.scimgate.core.store.schema.Tables.DIRECTORY_USER;
import static io.scimgate.core.store.schema.Tables.ORGANIZATION_MEMBERSHIP;

import io.scimgate.core.membership.MembershipStatus;
import io.scimgate.core.membership.internal.GroupRoleMappings;
import io.scimgate.core.membership.internal.MembershipRows;
import io.scimgate.core.organization.internal.OrganizationRoleRows;
import io.scimgate.core.role.IdpRoles;
import io.scimgate.core.store.internal.Chunks;
import io.scimgate.core.store.internal.Tx;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import org.jooq.DSLContext;

/**
 * The role of a member whose directory says something about it (RULES.md P28): a role its
 * directory user sends in {@code roles} (IdP role) wins over the role mapped from its groups
 * (P22), which wins over the organization's default role. Only roles of the organization's
 * catalogue (P26) count; the person's active directory users of every directory of the
 * organization are looked at, the most recently updated first.
 */
public final class MemberRoles {

    private final MembershipRows membershipRows;

    public MemberRoles(MembershipRows membershipRows) {
        this.membershipRows = membershipRows;
    }

    /** When a recomputation finds neither an IdP role nor a group mapping: what the member keeps. */
    public enum Otherwise {
        /** The role the member has (set by hand, or earlier by the directory). */
        KEEP_CURRENT,
        /** The default role: the directory took back what it gave. */
        DEFAULT
    }

    /** The IdP role of a person in an organization, if its directory names a role of the catalogue. */
    public static String idpRole(DSLContext dsl, String organizationId, String userId) {
        return idpRoles(dsl, organizationId, List.of(userId), () -> OrganizationRoleRows.slugs(dsl, organizationId)).get(userId);
    }

    /**
     * Gives each of these people's active and pending memberships of the organization the role
     * its directories direct now (IdP role, else mapped role when the organization maps groups),
     * else what {@code otherwise} says. Emits {@code organization_membership.updated} for each
     * membership whose role changed; reads {@value Chunks#SIZE} people at a time.
     */
    public void recompute(Tx tx, String organizationId, Collection<String> userIds, Otherwise otherwise) {
        if (userIds.isEmpty()) {
            return;
        }
        DSLContext dsl = tx.dsl();
        Set<String> catalogue = OrganizationRoleRows.slugs(dsl, organizationId);
        String defaultRole = MembershipRows.defaultRole(dsl, organizationId);
        boolean mapping = GroupRoleMappings.organizationUsesMapping(dsl, organizationId);
        for (List<String> chunk : Chunks.of(new TreeSet<>(userIds))) {
            Map<String, String> idp = idpRoles(dsl, organizationId, chunk, () -> catalogue);
            Map<String, String> mapped = mapping ? GroupRoleMappings.mappedRoles(dsl, organizationId, chunk) : Map.of();
            Map<String, String> current = new HashMap<>();
            dsl.select(ORGANIZATION_MEMBERSHIP.USER_ID, ORGANIZATION_MEMBERSHIP.ROLE)
                    .from(ORGANIZATION_MEMBERSHIP)
                    .where(ORGANIZATION_MEMBERSHIP.ORGANIZATION_ID.eq(organizationId),
                            ORGANIZATION_MEMBERSHIP.USER_ID.in(chunk),
                            ORGANIZATION_MEMBERSHIP.STATUS.ne(MembershipStatus.INACTIVE.slug()))
                    .forEach(row -> current.put(row.value1(), row.value2()));
            for (String userId : chunk) {
                String role = current.get(userId);
                if (role == null) {
                    continue;
                }
                String directed = idp.containsKey(userId) ? idp.get(userId)
                        : mapping ? mapped.getOrDefault(userId, defaultRole)
                        : otherwise == Otherwise.DEFAULT ? defaultRole : role;
                if (!directed.equals(role)) {
                    MembershipRows.lock(dsl, organizationId, userId)
                            .filter(stored -> stored.membership().status() != MembershipStatus.INACTIVE)
                            .filter(stored -> !Objects.equals(stored.membership().role(), directed))
                            .ifPresent(stored -> membershipRows.update(tx, stored, stored.membership().status(), directed,
                                    stored.rememberedRole(), stored.membership().directoryManaged()));
                }
            }
        }
    }

    /** The people of the organization whose active directory users send role values. */
    public static Set<String> peopleWithIdpRoles(DSLContext dsl, String organizationId) {
        return new TreeSet<>(dsl.selectDistinct(DIRECTORY_USER.PROVISIONED_USER_ID)
                .from(DIRECTORY_USER)
                .join(DIRECTORY).on(DIRECTORY.ID.eq(DIRECTORY_USER.DIRECTORY_ID))
                .where(DIRECTORY.ORGANIZATION_ID.eq(organizationId),
                        DIRECTORY_USER.PROVISIONED_USER_ID.isNotNull(),
                        DIRECTORY_USER.ACTIVE.isTrue(),
                        DIRECTORY_USER.IDP_ROLES.isNotNull())
                .fetch(DIRECTORY_USER.PROVISIONED_USER_ID));
    }

    /**
     * For each person with one, the role of the catalogue its directory users ask for (the most
     * recently updated first); the catalogue is read only when one of them sends role values.
     */
    static Map<String, String> idpRoles(DSLContext dsl, String organizationId, Collection<String> userIds,
            Supplier<Set<String>> catalogueReader) {
        Map<String, String> roles = new HashMap<>();
        Set<String>[] catalogue = new Set[1];
        dsl.select(DIRECTORY_USER.PROVISIONED_USER_ID, DIRECTORY_USER.IDP_ROLES)
                .from(DIRECTORY_USER)
                .join(DIRECTORY).on(DIRECTORY.ID.eq(DIRECTORY_USER.DIRECTORY_ID))
                .where(DIRECTORY.ORGANIZATION_ID.eq(organizationId),
                        DIRECTORY_USER.PROVISIONED_USER_ID.in(userIds),
                        DIRECTORY_USER.ACTIVE.isTrue(),
                        DIRECTORY_USER.IDP_ROLES.isNotNull())
                .orderBy(DIRECTORY_USER.UPDATED_AT.desc(), DIRECTORY_USER.SEQ.desc())
                .forEach(row -> {
                    if (!roles.containsKey(row.value1())) {
                        if (catalogue[0] == null) {
                            catalogue[0] = catalogueReader.get();
                        }
                        IdpRoles.chosen(IdpRoles.fromColumn(row.value2()), catalogue[0])
                                .ifPresent(role -> roles.put(row.value1(), role));
                    }
                });
        return roles;
    }
}
