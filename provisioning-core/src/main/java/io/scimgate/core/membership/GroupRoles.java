package io.scimgate.core.membership;

import static io.scimgate.core.store.schema.Tables.DIRECTORY;
import static io.scimgate.core.store.schema.Tables.DIRECTORY_GROUP;
import static io.scimgate.core.store.schema.Tables.DIRECTORY_GROUP_MEMBER;
import static io.scimgate.core.store.schema.Tables.DIRECTORY_USER;
import static io.scimgate.core.store.schema.Tables.GROUP_ROLE;

import io.scimgate.core.ScimgateException;
import io.scimgate.core.organization.Organizations;
import io.scimgate.core.store.Database;
import io.scimgate.core.store.schema.tables.records.GroupRoleRecord;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jooq.DSLContext;

/**
 * P22: an organization may map directory groups to roles with a priority. A member's role is the
 * mapped role of highest priority (largest number) among the groups of its active directory users
 * in the organization, else the organization's default role.
 */
public final class GroupRoles {

    private final Database database;

    public GroupRoles(Database database) {
        this.database = database;
    }

    public record Mapping(String groupId, String role, int priority) {
    }

    public List<Mapping> list(String organizationId) {
        return database.dsl().selectFrom(GROUP_ROLE).where(GROUP_ROLE.ORGANIZATION_ID.eq(organizationId))
                .orderBy(GROUP_ROLE.PRIORITY.desc(), GROUP_ROLE.DIRECTORY_GROUP_ID)
                .fetch(row -> new Mapping(row.getDirectoryGroupId(), row.getRole(), row.getPriority()));
    }

    /**
     * Replaces the organization's mappings. Each group must belong to one of the organization's
     * directories. Roles change at each member's next group change or provisioning.
     */
    public List<Mapping> replace(String organizationId, List<Mapping> mappings) {
        Set<String> seen = new HashSet<>();
        for (Mapping mapping : mappings) {
            Memberships.checkRole(mapping.role());
            if (mapping.groupId() == null || !seen.add(mapping.groupId())) {
                throw ScimgateException.invalid("invalid_group_roles", "Each mapping names a different groupId");
            }
        }
        return database.transaction(tx -> {
            DSLContext dsl = tx.dsl();
            Organizations.requireExists(dsl, organizationId);
            for (Mapping mapping : mappings) {
                boolean ours = dsl.fetchExists(dsl.selectOne().from(DIRECTORY_GROUP)
                        .join(DIRECTORY).on(DIRECTORY.ID.eq(DIRECTORY_GROUP.DIRECTORY_ID))
                        .where(DIRECTORY_GROUP.ID.eq(mapping.groupId()), DIRECTORY.ORGANIZATION_ID.eq(organizationId)));
                if (!ours) {
                    throw ScimgateException.invalid("unknown_group",
                            "Group " + mapping.groupId() + " is not a group of this organization's directories");
                }
            }
            dsl.deleteFrom(GROUP_ROLE).where(GROUP_ROLE.ORGANIZATION_ID.eq(organizationId)).execute();
            tx.tenantChanged(organizationId);
            for (Mapping mapping : mappings) {
                dsl.executeInsert(new GroupRoleRecord(organizationId, mapping.groupId(), mapping.role(), mapping.priority()));
            }
            return List.copyOf(mappings);
        });
    }

    public static boolean organizationUsesMapping(DSLContext dsl, String organizationId) {
        return dsl.fetchExists(GROUP_ROLE, GROUP_ROLE.ORGANIZATION_ID.eq(organizationId));
    }

    /** The highest-priority mapped role of a user in an organization, from its active directory users' groups. */
    public static Optional<String> mappedRole(DSLContext dsl, String organizationId, String userId) {
        return dsl.select(GROUP_ROLE.ROLE)
                .from(GROUP_ROLE)
                .join(DIRECTORY_GROUP_MEMBER).on(DIRECTORY_GROUP_MEMBER.GROUP_ID.eq(GROUP_ROLE.DIRECTORY_GROUP_ID))
                .join(DIRECTORY_USER).on(DIRECTORY_USER.ID.eq(DIRECTORY_GROUP_MEMBER.DIRECTORY_USER_ID))
                .where(GROUP_ROLE.ORGANIZATION_ID.eq(organizationId),
                        DIRECTORY_USER.PROVISIONED_USER_ID.eq(userId),
                        DIRECTORY_USER.ACTIVE.isTrue())
                .orderBy(GROUP_ROLE.PRIORITY.desc(), GROUP_ROLE.ROLE)
                .limit(1)
                .fetchOptional(GROUP_ROLE.ROLE);
    }
}
