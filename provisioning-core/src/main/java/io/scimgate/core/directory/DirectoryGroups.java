package io.scimgate.core.directory;

import static io.scimgate.core.store.schema.Tables.DIRECTORY_GROUP;
import static io.scimgate.core.store.schema.Tables.DIRECTORY_GROUP_MEMBER;
import static io.scimgate.core.store.schema.Tables.DIRECTORY_USER;

import io.scimgate.core.directory.internal.DirectoryOrganizations;
import io.scimgate.core.directory.internal.DirectoryListing;
import io.scimgate.core.directory.internal.GroupMembershipHook;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.core.ErrorCode;
import io.scimgate.core.ScimgateException;
import io.scimgate.core.directory.internal.DirectoryQueries;
import io.scimgate.core.directory.query.AttributeCatalogue;
import io.scimgate.core.directory.query.DirectoryQuery;
import io.scimgate.core.directory.query.ResultPage;
import io.scimgate.core.events.Events;
import io.scimgate.core.store.internal.Chunks;
import io.scimgate.core.store.internal.Database;
import io.scimgate.core.store.internal.Ids;
import io.scimgate.core.store.internal.Times;
import io.scimgate.core.store.internal.Tx;
import io.scimgate.core.store.schema.tables.records.DirectoryGroupMemberRecord;
import io.scimgate.core.store.schema.tables.records.DirectoryGroupRecord;
import io.scimgate.core.tenant.internal.TenantCache;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Directory groups and their members (P22). Scoped to one directory like directory users (P5).
 * Emits {@code dsync.group.created|updated|deleted}, and {@code dsync.group.user_added|user_removed}
 * through {@link GroupMemberEvents} once a request's member changes are written and their
 * consequences (roles) applied; deleting a group removes each member with its event.
 */
public final class DirectoryGroups {

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryGroups.class);

    private final Database database;
    private final Clock clock;
    private final DirectoryRows<DirectoryGroupRecord, DirectoryGroup> rows;
    private final DirectoryQueries<DirectoryGroup> queries;
    private final List<GroupMembershipHook> hooks = new CopyOnWriteArrayList<>();
    private final TenantCache tenants;

    public DirectoryGroups(Database database, Clock clock, TenantCache tenants, GroupMembershipHook membershipHook) {
        this.hooks.add(membershipHook);
        this.database = database;
        this.clock = clock;
        this.tenants = tenants;
        this.rows = new DirectoryRows<>(database, DIRECTORY_GROUP, DIRECTORY_GROUP.ID, SortHistory.GROUPS,
                DIRECTORY_GROUP.DIRECTORY_ID, DIRECTORY_GROUP.SEQ,
                "directory_group_dir_seq_ix", DirectoryGroups::toGroup);
        this.queries = DirectoryQueries.ofGroups(rows);
    }

    /** Another hook besides the constructor's (the core's own tests listen in). */
    void addMembershipHook(GroupMembershipHook hook) {
        hooks.add(hook);
    }

    public DirectoryGroup create(String directoryId, DirectoryGroupData data, Collection<String> memberIds) {
        Map<String, String> members = new LinkedHashMap<>();
        memberIds.forEach(id -> members.put(id, null));
        return create(directoryId, data, members);
    }

    /** Creates a group with members, each with the display name the IdP sent for it (null for none). */
    public DirectoryGroup create(String directoryId, DirectoryGroupData data, Map<String, String> members) {
        validate(data);
        return database.transaction(tx -> {
            DSLContext dsl = tx.dsl();
            String organizationId = DirectoryOrganizations.organizationOf(tenants, dsl, directoryId);
            OffsetDateTime now = Times.now(clock);
            DirectoryGroupRecord row = dsl.newRecord(DIRECTORY_GROUP);
            row.setId(Ids.newId());
            row.setDirectoryId(directoryId);
            row.setVersion(1L);
            row.setCreatedAt(now);
            row.setUpdatedAt(now);
            row.setMemberCount(0);
            copy(data, row);
            row.insert();
            if (row.getSeq() == null) {
                row.refresh(DIRECTORY_GROUP.SEQ);
            }
            tx.emit("dsync.group.created", organizationId, directoryId, groupData(row));
            Editor editor = new Editor(tx, organizationId, row);
            editor.addMembers(members.keySet());
            editor.memberDisplays(members);
            editor.finish(false);
            return toGroup(row);
        });
    }

    public Optional<DirectoryGroup> find(String directoryId, String id) {
        // By primary key, the directory compared in Java (P5): see DirectoryUsers#find.
        return database.dsl().selectFrom(DIRECTORY_GROUP)
                .where(DIRECTORY_GROUP.ID.eq(id))
                .fetchOptional()
                .filter(row -> row.getDirectoryId().equals(directoryId))
                .map(DirectoryGroups::toGroup);
    }

    public DirectoryGroup get(String directoryId, String id) {
        return find(directoryId, id).orElseThrow(() -> notFound(id));
    }

    /**
     * Changes a group in one transaction: the row is locked, the version checked against
     * {@code expectedVersion} (If-Match; null for any), then {@code edit} applies its changes in order.
     * The version grows by one if anything changed.
     */
    public DirectoryGroup update(String directoryId, String id, Long expectedVersion, Consumer<GroupEdit> edit) {
        return database.transaction(tx -> {
            DSLContext dsl = tx.dsl();
            DirectoryGroupRecord row = lock(dsl, directoryId, id);
            if (expectedVersion != null && expectedVersion != row.getVersion()) {
                throw versionMismatch(id, expectedVersion, row.getVersion());
            }
            Editor editor = new Editor(tx, DirectoryOrganizations.organizationOf(tenants, dsl, directoryId), row);
            edit.accept(editor);
            editor.finish(true);
            return toGroup(row);
        });
    }

    public void delete(String directoryId, String id, Long expectedVersion) {
        database.transaction(tx -> {
            DSLContext dsl = tx.dsl();
            DirectoryGroupRecord row = lock(dsl, directoryId, id);
            if (expectedVersion != null && expectedVersion != row.getVersion()) {
                throw versionMismatch(id, expectedVersion, row.getVersion());
            }
            String organizationId = DirectoryOrganizations.organizationOf(tenants, dsl, directoryId);
            Set<String> members = new LinkedHashSet<>(dsl.select(DIRECTORY_GROUP_MEMBER.DIRECTORY_USER_ID)
                    .from(DIRECTORY_GROUP_MEMBER)
                    .where(DIRECTORY_GROUP_MEMBER.GROUP_ID.eq(id))
                    .fetch(DIRECTORY_GROUP_MEMBER.DIRECTORY_USER_ID));
            // Members leave first and the hooks hear it while the group, and anything that refers to it
            // (a role mapping, which the group's deletion removes), is still there to reason with.
            dsl.deleteFrom(DIRECTORY_GROUP_MEMBER).where(DIRECTORY_GROUP_MEMBER.GROUP_ID.eq(id)).execute();
            if (!members.isEmpty()) {
                for (GroupMembershipHook hook : hooks) {
                    hook.membersChanged(tx, directoryId, id, Set.of(), members);
                }
            }
            row.setMemberCount(0);
            GroupMemberEvents.emit(tx, DirectoryDetails.group(row, organizationId), members.stream()
                    .map(userId -> new GroupMemberEvents.Change(GroupMemberEvents.USER_REMOVED, id, userId)).toList());
            dsl.deleteFrom(DIRECTORY_GROUP).where(DIRECTORY_GROUP.ID.eq(id)).execute();
            tx.emit("dsync.group.deleted", organizationId, directoryId, groupData(row));
            return null;
        });
    }

    /**
     * The page of the directory's groups that {@code query} asks for: its filter, sort and paging, as
     * {@link #queryCatalogue()} allows them. Every read is scoped to the directory (P5).
     *
     * @throws io.scimgate.core.directory.query.InvalidQueryException for a filter, sort or cursor it cannot answer
     */
    public ResultPage<DirectoryGroup> list(String directoryId, DirectoryQuery query) {
        return queries.page(directoryId, query);
    }

    /** The attributes a query on groups may filter and sort by. */
    public static AttributeCatalogue queryCatalogue() {
        return DirectoryQueries.groupAttributes();
    }

    /** Filtered, ordered and paged reads of a directory's groups. */
    DirectoryListing<DirectoryGroup> listing() {
        return rows;
    }

    /** The directory's groups that have an external id (for a sync that mirrors the IdP). */
    public List<DirectoryGroup> withExternalIds(String directoryId) {
        return rows.list(directoryId, DIRECTORY_GROUP.EXTERNAL_ID.isNotNull(), List.of(), 0, Integer.MAX_VALUE);
    }

    /** The ids of all the directory's groups, in creation order. */
    public List<String> ids(String directoryId) {
        return database.dsl().select(DIRECTORY_GROUP.ID).from(DIRECTORY_GROUP)
                .where(DIRECTORY_GROUP.DIRECTORY_ID.eq(directoryId))
                .orderBy(DIRECTORY_GROUP.SEQ)
                .fetch(DIRECTORY_GROUP.ID);
    }

    /**
     * All members of a group, in the order they joined. Reads every member row: only for responses that
     * list them. By the group's key alone, the directory compared in Java (P5), as {@link #find}.
     */
    public List<GroupMember> members(String directoryId, String groupId) {
        return database.dsl().select(DIRECTORY_USER.ID, DIRECTORY_USER.USER_NAME, DIRECTORY_USER.DISPLAY_NAME,
                        DIRECTORY_GROUP_MEMBER.SENT_DISPLAY, DIRECTORY_GROUP_MEMBER.DIRECTORY_ID)
                .from(DIRECTORY_GROUP_MEMBER)
                .join(DIRECTORY_USER).on(DIRECTORY_USER.ID.eq(DIRECTORY_GROUP_MEMBER.DIRECTORY_USER_ID))
                .where(DIRECTORY_GROUP_MEMBER.GROUP_ID.eq(groupId))
                .orderBy(DIRECTORY_GROUP_MEMBER.ADDED_AT, DIRECTORY_USER.SEQ)
                .fetch().stream()
                .filter(row -> directoryId.equals(row.value5()))
                .map(row -> new GroupMember(row.value1(), row.value2(), row.value3(), row.value4()))
                .toList();
    }

    public static String key(String displayName) {
        return DirectoryUsers.key(displayName);
    }

    /** Applies one request's changes to a locked group row, collecting member changes for events and hooks. */
    private final class Editor implements GroupEdit {

        private final Tx tx;
        private final DSLContext dsl;
        private final String organizationId;
        private final DirectoryGroupRecord row;
        private final Set<String> added = new LinkedHashSet<>();
        private final Set<String> removed = new LinkedHashSet<>();
        private final Map<String, String> previous = new LinkedHashMap<>();
        private final List<GroupMemberEvents.Change> memberEvents = new ArrayList<>();
        private boolean changed;

        Editor(Tx tx, String organizationId, DirectoryGroupRecord row) {
            this.tx = tx;
            this.dsl = tx.dsl();
            this.organizationId = organizationId;
            this.row = row;
        }

        @Override
        public DirectoryGroup current() {
            return toGroup(row);
        }

        @Override
        public void replaceData(DirectoryGroupData data) {
            validate(data);
            if (!Objects.equals(data.displayName(), row.getDisplayName())) {
                previous.putIfAbsent("displayName", row.getDisplayName());
            }
            if (!Objects.equals(data.externalId(), row.getExternalId())) {
                previous.putIfAbsent("externalId", row.getExternalId());
            }
            if (!Objects.equals(data.displayName(), row.getDisplayName())
                    || !Objects.equals(data.externalId(), row.getExternalId())
                    || !Objects.equals(data.attributes(), row.getAttributes())) {
                copy(data, row);
                changed = true;
            }
        }

        @Override
        public void addMembers(Collection<String> userIds) {
            Set<String> users = existingUsers(new LinkedHashSet<>(userIds));
            Set<String> already = currentMembersAmong(users);
            OffsetDateTime now = Times.now(clock);
            List<DirectoryGroupMemberRecord> rows = new ArrayList<>();
            for (String userId : users) {
                if (!already.contains(userId)) {
                    rows.add(new DirectoryGroupMemberRecord(row.getId(), userId, row.getDirectoryId(), now, null));
                    memberAdded(userId);
                }
            }
            if (!rows.isEmpty()) {
                dsl.batchInsert(rows).execute();
            }
        }

        @Override
        public void removeMembers(Collection<String> userIds) {
            Set<String> leaving = new LinkedHashSet<>(userIds);
            leaving.retainAll(currentMembersAmong(leaving));
            deleteMembers(leaving);
        }

        @Override
        public void removeAllMembers() {
            deleteMembers(new LinkedHashSet<>(dsl.select(DIRECTORY_GROUP_MEMBER.DIRECTORY_USER_ID)
                    .from(DIRECTORY_GROUP_MEMBER)
                    .where(DIRECTORY_GROUP_MEMBER.GROUP_ID.eq(row.getId()))
                    .orderBy(DIRECTORY_GROUP_MEMBER.ADDED_AT, DIRECTORY_GROUP_MEMBER.DIRECTORY_USER_ID)
                    .fetch(DIRECTORY_GROUP_MEMBER.DIRECTORY_USER_ID)));
        }

        @Override
        public void replaceMembers(Collection<String> userIds) {
            Set<String> wanted = new LinkedHashSet<>(userIds);
            Set<String> current = new LinkedHashSet<>(dsl.select(DIRECTORY_GROUP_MEMBER.DIRECTORY_USER_ID)
                    .from(DIRECTORY_GROUP_MEMBER)
                    .where(DIRECTORY_GROUP_MEMBER.GROUP_ID.eq(row.getId()))
                    .fetch(DIRECTORY_GROUP_MEMBER.DIRECTORY_USER_ID));
            Set<String> leaving = new LinkedHashSet<>(current);
            leaving.removeAll(wanted);
            Set<String> joining = new LinkedHashSet<>(wanted);
            joining.removeAll(current);
            removeMembers(leaving);
            addMembers(joining);
        }

        @Override
        public void memberDisplays(Map<String, String> displayByUserId) {
            var updates = new ArrayList<org.jooq.Query>();
            displayByUserId.forEach((userId, display) -> {
                if (display != null && display.length() <= DirectoryUsers.MAX_VALUE_LENGTH) {
                    updates.add(dsl.update(DIRECTORY_GROUP_MEMBER)
                            .set(DIRECTORY_GROUP_MEMBER.SENT_DISPLAY, display)
                            .where(DIRECTORY_GROUP_MEMBER.GROUP_ID.eq(row.getId()),
                                    DIRECTORY_GROUP_MEMBER.DIRECTORY_USER_ID.eq(userId),
                                    DIRECTORY_GROUP_MEMBER.SENT_DISPLAY.isDistinctFrom(display)));
                }
            });
            if (!updates.isEmpty()) {
                dsl.batch(updates).execute();
            }
        }

        private void deleteMembers(Set<String> members) {
            for (List<String> chunk : Chunks.of(members)) {
                dsl.deleteFrom(DIRECTORY_GROUP_MEMBER)
                        .where(DIRECTORY_GROUP_MEMBER.GROUP_ID.eq(row.getId()),
                                DIRECTORY_GROUP_MEMBER.DIRECTORY_USER_ID.in(chunk))
                        .execute();
            }
            members.forEach(this::memberRemoved);
        }

        private void memberAdded(String userId) {
            if (!removed.remove(userId)) {
                added.add(userId);
            }
            changed = true;
            memberEvents.add(new GroupMemberEvents.Change(GroupMemberEvents.USER_ADDED, row.getId(), userId));
        }

        private void memberRemoved(String userId) {
            if (!added.remove(userId)) {
                removed.add(userId);
            }
            changed = true;
            memberEvents.add(new GroupMemberEvents.Change(GroupMemberEvents.USER_REMOVED, row.getId(), userId));
        }

        /** The requested ids that are users of this directory; the rest is logged. */
        private Set<String> existingUsers(Set<String> userIds) {
            Set<String> users = new LinkedHashSet<>();
            for (List<String> chunk : Chunks.of(userIds)) {
                users.addAll(dsl.select(DIRECTORY_USER.ID)
                        .from(DIRECTORY_USER)
                        .where(DIRECTORY_USER.DIRECTORY_ID.eq(row.getDirectoryId()), DIRECTORY_USER.ID.in(chunk))
                        .fetch(DIRECTORY_USER.ID));
            }
            if (users.size() < userIds.size()) {
                Set<String> unknown = new LinkedHashSet<>(userIds);
                unknown.removeAll(users);
                LOG.warn("Directory {} group {}: ignored member ids that are not users of the directory: {}",
                        row.getDirectoryId(), row.getId(), unknown);
            }
            Set<String> ordered = new LinkedHashSet<>(userIds);
            ordered.retainAll(users);
            return ordered;
        }

        private Set<String> currentMembersAmong(Set<String> userIds) {
            Set<String> members = new LinkedHashSet<>();
            for (List<String> chunk : Chunks.of(userIds)) {
                members.addAll(dsl.select(DIRECTORY_GROUP_MEMBER.DIRECTORY_USER_ID)
                        .from(DIRECTORY_GROUP_MEMBER)
                        .where(DIRECTORY_GROUP_MEMBER.GROUP_ID.eq(row.getId()),
                                DIRECTORY_GROUP_MEMBER.DIRECTORY_USER_ID.in(chunk))
                        .fetch(DIRECTORY_GROUP_MEMBER.DIRECTORY_USER_ID));
            }
            return members;
        }

        /** Writes the row once if anything changed, emits the update event and tells the hooks. */
        void finish(boolean bumpVersion) {
            boolean versioned = bumpVersion && changed;
            int memberDelta = added.size() - removed.size();
            row.setMemberCount(row.getMemberCount() + memberDelta);
            if (versioned) {
                long readVersion = row.getVersion();
                row.setVersion(readVersion + 1);
                row.setUpdatedAt(Times.now(clock));
                int updated = dsl.update(DIRECTORY_GROUP)
                        .set(DIRECTORY_GROUP.DISPLAY_NAME, row.getDisplayName())
                        .set(DIRECTORY_GROUP.DISPLAY_NAME_KEY, row.getDisplayNameKey())
                        .set(DIRECTORY_GROUP.EXTERNAL_ID, row.getExternalId())
                        .set(DIRECTORY_GROUP.ATTRIBUTES, row.getAttributes())
                        .set(DIRECTORY_GROUP.MEMBER_COUNT, row.getMemberCount())
                        .set(DIRECTORY_GROUP.VERSION, row.getVersion())
                        .set(DIRECTORY_GROUP.UPDATED_AT, row.getUpdatedAt())
                        .where(DIRECTORY_GROUP.ID.eq(row.getId()), DIRECTORY_GROUP.VERSION.eq(readVersion))
                        .execute();
                if (updated != 1) {
                    throw versionMismatch(row.getId(), readVersion, -1);
                }
            } else if (memberDelta != 0) {
                dsl.update(DIRECTORY_GROUP).set(DIRECTORY_GROUP.MEMBER_COUNT, row.getMemberCount())
                        .where(DIRECTORY_GROUP.ID.eq(row.getId())).execute();
            }
            if (!previous.isEmpty()) {
                ObjectNode data = groupData(row);
                ObjectNode before = data.putObject("previousAttributes");
                previous.forEach(before::put);
                tx.emit("dsync.group.updated", organizationId, row.getDirectoryId(), data);
            }
            if (!added.isEmpty() || !removed.isEmpty()) {
                for (GroupMembershipHook hook : hooks) {
                    hook.membersChanged(tx, row.getDirectoryId(), row.getId(), Set.copyOf(added), Set.copyOf(removed));
                }
            }
            GroupMemberEvents.emit(tx, DirectoryDetails.group(row, organizationId), memberEvents);
            if (versioned) {
                SortHistory.groupsChanged(tx, row.getDirectoryId(), List.of(row.original()), row.getUpdatedAt());
            }
        }
    }

    private static DirectoryGroupRecord lock(DSLContext dsl, String directoryId, String id) {
        return dsl.selectFrom(DIRECTORY_GROUP)
                .where(DIRECTORY_GROUP.ID.eq(id), DIRECTORY_GROUP.DIRECTORY_ID.eq(directoryId))
                .forUpdate()
                .fetchOptional()
                .orElseThrow(() -> notFound(id));
    }

    private static ObjectNode groupData(DirectoryGroupRecord row) {
        ObjectNode data = Events.data()
                .put("directoryId", row.getDirectoryId())
                .put("id", row.getId())
                .put("displayName", row.getDisplayName());
        data.put("externalId", row.getExternalId());
        return data;
    }

    private static void copy(DirectoryGroupData data, DirectoryGroupRecord row) {
        row.setDisplayName(data.displayName());
        row.setDisplayNameKey(key(data.displayName()));
        row.setExternalId(data.externalId());
        row.setAttributes(data.attributes());
    }

    private static void validate(DirectoryGroupData data) {
        if (data.displayName() == null || data.displayName().isBlank()) {
            throw new ScimgateException(ErrorCode.DISPLAY_NAME_REQUIRED, "displayName is required");
        }
        if (data.displayName().length() > DirectoryUsers.MAX_VALUE_LENGTH
                || (data.externalId() != null && data.externalId().length() > DirectoryUsers.MAX_VALUE_LENGTH)) {
            throw new ScimgateException(ErrorCode.VALUE_TOO_LONG,
                    "displayName and externalId have at most " + DirectoryUsers.MAX_VALUE_LENGTH + " characters");
        }
        if (data.attributes() == null || data.attributes().length() > DirectoryUsers.MAX_DOCUMENT_LENGTH) {
            throw new ScimgateException(ErrorCode.DOCUMENT_TOO_LARGE,
                    "A group resource has at most " + DirectoryUsers.MAX_DOCUMENT_LENGTH + " characters");
        }
    }

    private static ScimgateException versionMismatch(String id, long expected, long actual) {
        return new ScimgateException(ErrorCode.VERSION_MISMATCH,
                "Group " + id + " has changed since version " + expected
                        + (actual >= 0 ? " (it is now at version " + actual + ")" : ""));
    }

    public static ScimgateException notFound(String id) {
        return new ScimgateException(ErrorCode.DIRECTORY_GROUP_NOT_FOUND, "No group with id " + id + " in this directory");
    }

    static DirectoryGroup toGroup(DirectoryGroupRecord row) {
        return new DirectoryGroup(row.getId(), row.getDirectoryId(), row.getSeq() == null ? 0 : row.getSeq(),
                row.getDisplayName(), row.getExternalId(), row.getAttributes(), row.getVersion(),
                Times.instant(row.getCreatedAt()), Times.instant(row.getUpdatedAt()));
    }
}
