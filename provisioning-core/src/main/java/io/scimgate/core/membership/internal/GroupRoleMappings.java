package io.scimgate.core.membership.internal;

import static io.scimgate.core.store.schema.Tables.DIRECTORY_GROUP_MEMBER;
import static io.scimgate.core.store.schema.Tables.DIRECTORY_USER;
import static io.scimgate.core.store.schema.Tables.GROUP_ROLE;

import io.scimgate.core.store.internal.Chunks;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;

/** The group-to-role mappings (RULES.md P22) as the role rules read them inside their transactions. */
public final class GroupRoleMappings {

    private GroupRoleMappings() {
    }

    public static boolean organizationUsesMapping(DSLContext dsl, String organizationId) {
        return dsl.fetchExists(GROUP_ROLE, GROUP_ROLE.ORGANIZATION_ID.eq(organizationId));
    }

    /** The highest-priority mapped role of a user in an organization, from its active directory users' groups. */
    public static Optional<String> mappedRole(DSLContext dsl, String organizationId, String userId) {
        return Optional.ofNullable(mappedRoles(dsl, organizationId, List.of(userId)).get(userId));
    }

    /** {@link #mappedRole} of each of these people that has one. */
    public static Map<String, String> mappedRoles(DSLContext dsl, String organizationId, Collection<String> userIds) {
        Map<String, String> roles = new HashMap<>();
        for (List<String> chunk : Chunks.of(userIds)) {
            dsl.select(DIRECTORY_USER.PROVISIONED_USER_ID, GROUP_ROLE.ROLE)
                    .from(GROUP_ROLE)
                    .join(DIRECTORY_GROUP_MEMBER).on(DIRECTORY_GROUP_MEMBER.GROUP_ID.eq(GROUP_ROLE.DIRECTORY_GROUP_ID))
                    .join(DIRECTORY_USER).on(DIRECTORY_USER.ID.eq(DIRECTORY_GROUP_MEMBER.DIRECTORY_USER_ID))
                    .where(GROUP_ROLE.ORGANIZATION_ID.eq(organizationId),
                            DIRECTORY_USER.PROVISIONED_USER_ID.in(chunk),
                            DIRECTORY_USER.ACTIVE.isTrue())
                    .orderBy(GROUP_ROLE.PRIORITY.desc(), GROUP_ROLE.ROLE)
                    .forEach(row -> roles.putIfAbsent(row.value1(), row.value2()));
        }
        return roles;
    }
}
