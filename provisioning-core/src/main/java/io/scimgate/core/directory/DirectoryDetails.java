package io.scimgate.core.directory;

import static io.scimgate.core.store.schema.Tables.DIRECTORY;
import static io.scimgate.core.store.schema.Tables.DIRECTORY_GROUP;
import static io.scimgate.core.store.schema.Tables.DIRECTORY_GROUP_MEMBER;
import static io.scimgate.core.store.schema.Tables.DIRECTORY_USER;
import static io.scimgate.core.store.schema.Tables.DIRECTORY_USER_EMAIL;
import static io.scimgate.core.store.schema.Tables.ORGANIZATION_MEMBERSHIP;

import io.scimgate.core.directory.internal.DirectoryUserRows;
import io.scimgate.core.ErrorCode;
import io.scimgate.core.ScimgateException;
import io.scimgate.core.attributemapping.ScimDocument;
import io.scimgate.core.directory.DirectoryUserDetails.GroupRef;
import io.scimgate.core.directory.DirectoryUserDetails.ProvisioningRef;
import io.scimgate.core.organization.internal.OrganizationRoleRows;
import io.scimgate.core.role.IdpRoles;
import io.scimgate.core.store.internal.Chunks;
import io.scimgate.core.store.internal.Database;
import io.scimgate.core.store.internal.RenderedQuery;
import io.scimgate.core.store.internal.Times;
import io.scimgate.core.store.schema.tables.records.DirectoryGroupRecord;
import io.scimgate.core.store.schema.tables.records.DirectoryUserRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Record2;
import org.jooq.SelectOnConditionStep;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * Reads directory users and groups as {@link DirectoryUserDetails} and {@link DirectoryGroupDetails}:
 * one by id, or a page after a cursor, always scoped to one directory (P5). A page costs a fixed
 * number of statements whatever its size: the rows, then the emails and groups of all of them.
 */
public final class DirectoryDetails {

    /** {@link #groupsOf} for one user: every SCIM read of a user by id shows its groups. */
    private static final RenderedQuery GROUPS_OF_ONE_USER = RenderedQuery.of(
            DSL.select(DIRECTORY_GROUP.ID, DIRECTORY_GROUP.DISPLAY_NAME)
                    .from(DIRECTORY_GROUP_MEMBER)
                    .join(DIRECTORY_GROUP).on(DIRECTORY_GROUP.ID.eq(DIRECTORY_GROUP_MEMBER.GROUP_ID))
                    .where(DIRECTORY_GROUP_MEMBER.DIRECTORY_USER_ID.eq(DSL.param("userId", String.class)),
                            DIRECTORY_GROUP_MEMBER.DIRECTORY_ID.eq(DSL.param("directoryId", String.class)))
                    .orderBy(DIRECTORY_GROUP.SEQ),
            "userId", "directoryId");

    public static final int MAX_PAGE = 100;

    private final Database database;

    public DirectoryDetails(Database database) {
        this.database = database;
    }

    public DirectoryUserDetails user(String directoryId, String userId) {
        DSLContext dsl = database.dsl();
        return toUserDetails(dsl, inDirectory(userRows(dsl).where(DIRECTORY_USER.ID.eq(userId)).fetch(),
                        DIRECTORY_USER.DIRECTORY_ID, directoryId))
                .stream().findFirst().orElseThrow(() -> DirectoryUsers.notFound(userId));
    }

    /**
     * The directory's users after the user {@code after} (null to start), at most {@code limit}: in
     * creation order, or with {@code groupId} the members of that group in id order (so that a
     * cursor stays valid while members come and go).
     */
    public List<DirectoryUserDetails> users(String directoryId, String groupId, String after, int limit) {
        checkLimit(limit);
        DSLContext dsl = database.dsl();
        Directories.organizationOf(dsl, directoryId);
        boolean hasCursor = after != null && !after.isBlank();
        if (groupId != null) {
            if (!directoryId.equals(dsl.select(DIRECTORY_GROUP.DIRECTORY_ID).from(DIRECTORY_GROUP)
                    .where(DIRECTORY_GROUP.ID.eq(groupId)).fetchOne(DIRECTORY_GROUP.DIRECTORY_ID))) {
                throw new ScimgateException(ErrorCode.UNKNOWN_GROUP, "No group with id " + groupId + " in this directory");
            }
            Condition where = DIRECTORY_GROUP_MEMBER.GROUP_ID.eq(groupId)
                    .and(hasCursor ? DIRECTORY_GROUP_MEMBER.DIRECTORY_USER_ID.gt(after) : DSL.noCondition());
            return toUserDetails(dsl, userRows(dsl)
                    .join(DIRECTORY_GROUP_MEMBER).on(DIRECTORY_GROUP_MEMBER.DIRECTORY_USER_ID.eq(DIRECTORY_USER.ID))
                    .where(where)
                    .orderBy(DIRECTORY_GROUP_MEMBER.DIRECTORY_USER_ID)
                    .limit(limit)
                    .fetch());
        }
        Condition where = DIRECTORY_USER.DIRECTORY_ID.eq(directoryId);
        if (hasCursor) {
            where = where.and(DIRECTORY_USER.SEQ.gt(seqOf(dsl, DIRECTORY_USER, DIRECTORY_USER.SEQ, DIRECTORY_USER.ID, DIRECTORY_USER.DIRECTORY_ID,
                    directoryId, after)));
        }
        // Ordered like the (directory_id, seq) index, so that H2 too reads one page, not the rest of the directory.
        return toUserDetails(dsl, userRows(dsl).where(where).orderBy(DIRECTORY_USER.DIRECTORY_ID, DIRECTORY_USER.SEQ)
                .limit(limit).fetch());
    }

    public DirectoryGroupDetails group(String directoryId, String groupId) {
        DSLContext dsl = database.dsl();
        return toGroupDetails(inDirectory(groupRows(dsl).where(DIRECTORY_GROUP.ID.eq(groupId)).fetch(),
                        DIRECTORY_GROUP.DIRECTORY_ID, directoryId)).stream().findFirst().orElseThrow(() -> DirectoryGroups.notFound(groupId));
    }

    /** The directory's groups in creation order, after the group {@code after} (null to start), at most {@code limit}. */
    public List<DirectoryGroupDetails> groups(String directoryId, String after, int limit) {
        checkLimit(limit);
        DSLContext dsl = database.dsl();
        Directories.organizationOf(dsl, directoryId);
        Condition where = DIRECTORY_GROUP.DIRECTORY_ID.eq(directoryId);
        if (after != null && !after.isBlank()) {
            where = where.and(DIRECTORY_GROUP.SEQ.gt(seqOf(dsl, DIRECTORY_GROUP, DIRECTORY_GROUP.SEQ, DIRECTORY_GROUP.ID,
                    DIRECTORY_GROUP.DIRECTORY_ID, directoryId, after)));
        }
        return toGroupDetails(groupRows(dsl).where(where).orderBy(DIRECTORY_GROUP.DIRECTORY_ID, DIRECTORY_GROUP.SEQ)
                .limit(limit).fetch());
    }

    /** These directory users as they are now, in the order given, read inside a transaction. */
    static List<DirectoryUserDetails> users(DSLContext dsl, Collection<String> ids) {
        Map<String, DirectoryUserDetails> byId = new HashMap<>();
        for (List<String> chunk : Chunks.of(ids)) {
            toUserDetails(dsl, userRows(dsl).where(DIRECTORY_USER.ID.in(chunk)).fetch()).forEach(user -> byId.put(user.id(), user));
        }
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /** These directory groups as they are now, in the order given, read inside a transaction. */
    static List<DirectoryGroupDetails> groups(DSLContext dsl, Collection<String> ids) {
        Map<String, DirectoryGroupDetails> byId = new HashMap<>();
        for (List<String> chunk : Chunks.of(ids)) {
            toGroupDetails(groupRows(dsl).where(DIRECTORY_GROUP.ID.in(chunk)).fetch()).forEach(group -> byId.put(group.id(), group));
        }
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /**
     * The groups of each of these users of the directory (those in none are left out), by group
     * creation order: one read of the member index, for the SCIM {@code groups} attribute.
     */
    public Map<String, List<GroupRef>> groupsOf(String directoryId, Collection<String> userIds) {
        Map<String, List<GroupRef>> groups = new HashMap<>();
        DSLContext dsl = database.dsl();
        if (userIds.size() == 1) {
            String userId = userIds.iterator().next();
            GROUPS_OF_ONE_USER.fetch(dsl, userId, directoryId).forEach(row -> groups.computeIfAbsent(userId,
                    id -> new ArrayList<>()).add(new GroupRef(row.get(DIRECTORY_GROUP.ID), row.get(DIRECTORY_GROUP.DISPLAY_NAME))));
            return groups;
        }
        for (List<String> chunk : Chunks.of(userIds)) {
            groupsOf(dsl, chunk, DIRECTORY_GROUP_MEMBER.DIRECTORY_ID.eq(directoryId)).forEach(groups::put);
        }
        return groups;
    }

    private static Map<String, List<GroupRef>> groupsOf(DSLContext dsl, Collection<String> userIds, Condition scope) {
        Map<String, List<GroupRef>> groups = new HashMap<>();
        dsl.select(DIRECTORY_GROUP_MEMBER.DIRECTORY_USER_ID, DIRECTORY_GROUP.ID, DIRECTORY_GROUP.DISPLAY_NAME)
                .from(DIRECTORY_GROUP_MEMBER)
                .join(DIRECTORY_GROUP).on(DIRECTORY_GROUP.ID.eq(DIRECTORY_GROUP_MEMBER.GROUP_ID))
                .where(DIRECTORY_GROUP_MEMBER.DIRECTORY_USER_ID.in(userIds), scope)
                .orderBy(DIRECTORY_GROUP.SEQ)
                .forEach(row -> groups.computeIfAbsent(row.value1(), id -> new ArrayList<>())
                        .add(new GroupRef(row.value2(), row.value3())));
        return groups;
    }

    private static SelectOnConditionStep<Record> userRows(DSLContext dsl) {
        return dsl.select(DIRECTORY_USER.asterisk())
                .select(DIRECTORY.ORGANIZATION_ID, DIRECTORY.ATTRIBUTE_MAPPING, DIRECTORY.ATTRIBUTE_MAPPING_VERSION,
                        ORGANIZATION_MEMBERSHIP.ROLE)
                .from(DIRECTORY_USER)
                .join(DIRECTORY).on(DIRECTORY.ID.eq(DIRECTORY_USER.DIRECTORY_ID))
                .leftJoin(ORGANIZATION_MEMBERSHIP).on(ORGANIZATION_MEMBERSHIP.USER_ID.eq(DIRECTORY_USER.USER_ID),
                        ORGANIZATION_MEMBERSHIP.ORGANIZATION_ID.eq(DIRECTORY.ORGANIZATION_ID));
    }

    private static SelectOnConditionStep<Record> groupRows(DSLContext dsl) {
        return dsl.select(DIRECTORY_GROUP.asterisk())
                .select(DIRECTORY.ORGANIZATION_ID)
                .from(DIRECTORY_GROUP)
                .join(DIRECTORY).on(DIRECTORY.ID.eq(DIRECTORY_GROUP.DIRECTORY_ID));
    }

    private static List<DirectoryUserDetails> toUserDetails(DSLContext dsl, List<Record> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<String> ids = rows.stream().map(row -> row.get(DIRECTORY_USER.ID)).toList();
        Map<String, List<EmailAddress>> emails = new HashMap<>();
        dsl.selectFrom(DIRECTORY_USER_EMAIL)
                .where(DIRECTORY_USER_EMAIL.DIRECTORY_USER_ID.in(ids))
                .orderBy(DIRECTORY_USER_EMAIL.DIRECTORY_USER_ID, DIRECTORY_USER_EMAIL.POSITION)
                .forEach(email -> emails.computeIfAbsent(email.getDirectoryUserId(), id -> new ArrayList<>())
                        .add(new EmailAddress(email.getEmailValue(), email.getEmailType(), Boolean.TRUE.equals(email.getIsPrimary()))));
        Map<String, List<GroupRef>> groups = groupsOf(dsl, ids, DSL.noCondition());
        Map<String, AttributeMappings.Current> mappings = new HashMap<>();
        Map<String, Set<String>> catalogues = new HashMap<>();
        List<DirectoryUserDetails> users = new ArrayList<>(rows.size());
        for (Record row : rows) {
            DirectoryUserRecord stored = row.into(DIRECTORY_USER);
            DirectoryUser user = DirectoryUserRows.toUser(stored);
            String organizationId = row.get(DIRECTORY.ORGANIZATION_ID);
            AttributeMappings.Current mapping = mappings.computeIfAbsent(user.directoryId(),
                    directoryId -> AttributeMappings.of(row.get(DIRECTORY.ATTRIBUTE_MAPPING),
                            row.get(DIRECTORY.ATTRIBUTE_MAPPING_VERSION)));
            String detail = stored.getProvisioningDetail();
            if (!user.idpRoles().isEmpty()) {
                List<String> unknown = IdpRoles.unknown(user.idpRoles(),
                        catalogues.computeIfAbsent(organizationId, id -> OrganizationRoleRows.slugs(dsl, id)));
                if (!unknown.isEmpty()) {
                    detail = (detail == null ? "" : detail + "; ") + unknownRoles(unknown);
                }
            }
            users.add(new DirectoryUserDetails(user.id(), user.directoryId(), organizationId, user.externalId(),
                    user.userName(), user.givenName(), user.familyName(), user.primaryEmail(),
                    List.copyOf(emails.getOrDefault(user.id(), List.of())), user.active() ? "active" : "inactive",
                    List.copyOf(groups.getOrDefault(user.id(), List.of())), row.get(ORGANIZATION_MEMBERSHIP.ROLE),
                    mapping.of(user), ScimDocument.parse(user.attributes()),
                    new ProvisioningRef(stored.getProvisioningState(), detail, stored.getUserId()),
                    user.createdAt(), user.updatedAt()));
        }
        return users;
    }

    /** P28: role values that name no role of the organization are kept as sent and reported here. */
    private static String unknownRoles(List<String> unknown) {
        return "roles sent by the directory that are not roles of the organization (kept as sent, not applied): "
                + unknown.stream().map(value -> "'" + value + "'").collect(Collectors.joining(", "));
    }

    private static List<DirectoryGroupDetails> toGroupDetails(List<Record> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        return rows.stream().map(row -> group(row.into(DIRECTORY_GROUP), row.get(DIRECTORY.ORGANIZATION_ID))).toList();
    }

    /** A group row as it is (member count included), for a writer that holds it. */
    static DirectoryGroupDetails group(DirectoryGroupRecord group, String organizationId) {
        return new DirectoryGroupDetails(group.getId(), group.getDirectoryId(), organizationId, group.getExternalId(),
                group.getDisplayName(), group.getMemberCount(), ScimDocument.parse(group.getAttributes()),
                Times.instant(group.getCreatedAt()), Times.instant(group.getUpdatedAt()));
    }

    /** The position of the item {@code after} of the directory, for keyset paging; 400 when there is none. */
    private static long seqOf(DSLContext dsl, Table<?> table, Field<Long> seq, Field<String> id, Field<String> directory,
            String directoryId, String after) {
        Record2<Long, String> found = dsl.select(seq, directory).from(table).where(id.eq(after)).fetchOne();
        if (found == null || !directoryId.equals(found.value2())) {
            throw new ScimgateException(ErrorCode.INVALID_CURSOR, "after must be the id of an item of this directory from an earlier page");
        }
        return found.value1();
    }

    /**
     * The rows read by primary key that belong to {@code directoryId} (P5). Read by key alone, not with
     * {@code directory_id = ?} beside it: PostgreSQL would walk a {@code (directory_id, …)} index
     * instead of the key while its statistics predate the directory's rows (BENCHMARKS.md, seventh pass).
     */
    private static List<Record> inDirectory(List<Record> rows, Field<String> directory, String directoryId) {
        return rows.stream().filter(row -> directoryId.equals(row.get(directory))).toList();
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new ScimgateException(ErrorCode.INVALID_LIMIT, "limit must be between 1 and " + MAX_PAGE);
        }
    }
}
