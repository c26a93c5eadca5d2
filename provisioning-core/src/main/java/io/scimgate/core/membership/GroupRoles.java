package io.scimgate.core.membership;

import static io.scimgate.core.store.schema.Tables.DIRECTORY;
import static io.scimgate.core.store.schema.Tables.DIRECTORY_GROUP;
import static io.scimgate.core.store.schema.Tables.DIRECTORY_GROUP_MEMBER;
import static io.scimgate.core.store.schema.Tables.DIRECTORY_USER;
import static io.scimgate.core.store.schema.Tables.GROUP_ROLE;

import io.scimgate.core.ErrorCode;
import io.scimgate.core.ScimgateException;
import io.scimgate.core.membership.internal.MappingChangeHook;
import io.scimgate.core.organization.OrganizationRoles;
import io.scimgate.core.organization.internal.OrganizationRoleRows;
import io.scimgate.core.organization.internal.OrganizationRows;
import io.scimgate.core.store.internal.Chunks;
import io.scimgate.core.store.internal.Database;
import io.scimgate.core.store.schema.tables.records.GroupRoleRecord;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jooq.DSLContext;

/**
 * P22: an organization may map directory groups to roles of its catalogue (P26) with a priority.
 * A member's mapped role is the one of highest priority (largest number; the smaller slug on a
 * tie) among the groups of its active directory users in the organization. An IdP role wins over
 * it, and it wins over the default role (P28).
 */
public final class GroupRoles {

    private final Database database;
    private final MappingChangeHook onChange;

    public GroupRoles(Database database, MappingChangeHook onChange) {
        this.database = database;
        this.onChange = onChange;
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
     * directories and each role to its catalogue. The members of every group whose mapping was
     * added, changed or removed get their roles recomputed in the same transaction.
     */
    public List<Mapping> replace(String organizationId, List<Mapping> mappings) {
        Set<String> seen = new HashSet<>();
        for (Mapping mapping : mappings) {
            if (mapping == null) {
                throw new ScimgateException(ErrorCode.INVALID_GROUP_ROLES, "Each mapping is an object {groupId, role, priority}");
            }
            OrganizationRoles.checkRole(mapping.role());
            if (mapping.groupId() == null || !seen.add(mapping.groupId())) {
                throw new ScimgateException(ErrorCode.INVALID_GROUP_ROLES, "Each mapping names a different groupId");
            }
        }
        return database.transaction(tx -> {
            DSLContext dsl = tx.dsl();
            OrganizationRows.requireExists(dsl, organizationId);
            for (Mapping mapping : mappings) {
                boolean ours = dsl.fetchExists(dsl.selectOne().from(DIRECTORY_GROUP)
                        .join(DIRECTORY).on(DIRECTORY.ID.eq(DIRECTORY_GROUP.DIRECTORY_ID))
                        .where(DIRECTORY_GROUP.ID.eq(mapping.groupId()), DIRECTORY.ORGANIZATION_ID.eq(organizationId)));
                if (!ours) {
                    throw new ScimgateException(ErrorCode.UNKNOWN_GROUP,
                            "Group " + mapping.groupId() + " is not a group of this organization's directories");
                }
                OrganizationRoleRows.requireRole(dsl, organizationId, mapping.role());
            }
            Set<Mapping> before = new HashSet<>(dsl.selectFrom(GROUP_ROLE).where(GROUP_ROLE.ORGANIZATION_ID.eq(organizationId))
                    .fetch(row -> new Mapping(row.getDirectoryGroupId(), row.getRole(), row.getPriority())));
            Set<String> changedGroups = new LinkedHashSet<>();
            before.stream().filter(mapping -> !mappings.contains(mapping)).forEach(mapping -> changedGroups.add(mapping.groupId()));
            mappings.stream().filter(mapping -> !before.contains(mapping)).forEach(mapping -> changedGroups.add(mapping.groupId()));

            dsl.deleteFrom(GROUP_ROLE).where(GROUP_ROLE.ORGANIZATION_ID.eq(organizationId)).execute();
            tx.tenantChanged(organizationId);
            for (Mapping mapping : mappings) {
                dsl.executeInsert(new GroupRoleRecord(organizationId, mapping.groupId(), mapping.role(), mapping.priority()));
            }
            Set<String> people = peopleIn(dsl, changedGroups);
            if (!people.isEmpty()) {
                onChange.mappingChanged(tx, organizationId, people);
            }
            return List.copyOf(mappings);
        });
    }

    /** The people (Users) provisioned by the active directory users in these groups. */
    private static Set<String> peopleIn(DSLContext dsl, Collection<String> groupIds) {
        Set<String> people = new HashSet<>();
        for (List<String> chunk : Chunks.of(groupIds)) {
            people.addAll(dsl.selectDistinct(DIRECTORY_USER.PROVISIONED_USER_ID)
                    .from(DIRECTORY_GROUP_MEMBER)
                    .join(DIRECTORY_USER).on(DIRECTORY_USER.ID.eq(DIRECTORY_GROUP_MEMBER.DIRECTORY_USER_ID))
                    .where(DIRECTORY_GROUP_MEMBER.GROUP_ID.in(chunk),
                            DIRECTORY_USER.PROVISIONED_USER_ID.isNotNull(),
                            DIRECTORY_USER.ACTIVE.isTrue())
                    .fetch(DIRECTORY_USER.PROVISIONED_USER_ID));
        }
        return people;
    }
}
