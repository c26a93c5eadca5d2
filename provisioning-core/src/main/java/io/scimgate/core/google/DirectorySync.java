package io.scimgate.core.google;

import static io.scimgate.core.store.schema.Tables.DIRECTORY_GROUP;
import static io.scimgate.core.store.schema.Tables.DIRECTORY_USER;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.core.ScimgateException;
import io.scimgate.core.directory.DirectoryGroup;
import io.scimgate.core.directory.DirectoryGroups;
import io.scimgate.core.directory.DirectoryUser;
import io.scimgate.core.directory.DirectoryUserData;
import io.scimgate.core.directory.DirectoryUsers;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.jooq.DSLContext;

/**
 * One pass that makes a directory mirror its Google Workspace, through the same
 * {@link DirectoryUsers} and {@link DirectoryGroups} calls a SCIM request makes, so every change
 * has the same consequences (provisioning, events) as if an IdP had pushed it.
 *
 * <p>Order matters for failures: groups and their members are read first (they decide which users
 * are in scope), then users page by page, each page applied as it arrives. Nothing is deleted until
 * every page of users and groups has been read: a page that fails to load stops the run before any
 * deletion, and what was already applied is simply re-applied by the next run. The sync owns the
 * directory: every directory user or group it did not find in Google (in scope) is deleted.
 * Between writes it passes a checkpoint that keeps its lease alive and lets a stop request end it.
 */
final class DirectorySync {

    private final String directoryId;
    private final GoogleDirectoryConfig config;
    private final GoogleDirectoryApi api;
    private final DirectoryUsers users;
    private final DirectoryGroups groups;
    private final DSLContext read;
    private final SyncCounts counts;
    private final Runnable checkpoint;

    /** Google user id → directory user id, for every user the directory keeps after this run. */
    private final Map<String, String> kept = new HashMap<>();
    /** Users whose userName (primaryEmail) is still held by another directory user; retried after deletions. */
    private final List<ObjectNode> deferred = new ArrayList<>();
    /** Google ids of every user users.list returned, in scope or not. */
    private final Set<String> listed = new HashSet<>();
    private Predicate<String> inScope;

    DirectorySync(String directoryId, GoogleDirectoryConfig config, GoogleDirectoryApi api, DirectoryUsers users,
            DirectoryGroups groups, DSLContext read, SyncCounts counts, Runnable checkpoint) {
        this.directoryId = directoryId;
        this.config = config;
        this.api = api;
        this.users = users;
        this.groups = groups;
        this.read = read;
        this.counts = counts;
        this.checkpoint = checkpoint;
    }

    void run() {
        List<ObjectNode> googleGroups = new ArrayList<>();
        ApiPage.walk((token, number) -> api.groups(config.customer(), token, number), googleGroups::addAll);
        googleGroups.removeIf(group -> {
            boolean withoutId = GoogleGroups.id(group) == null;
            if (withoutId) {
                counts.failed("a group without id (" + GoogleGroups.email(group) + ")");
            }
            return withoutId;
        });
        List<ObjectNode> selected = GroupSelection.select(googleGroups, config.groups());
        GroupMemberships memberships = new GroupMemberships(this::directMembers);
        Map<String, Set<String>> membersByGroup = new LinkedHashMap<>();
        for (ObjectNode group : selected) {
            membersByGroup.put(GoogleGroups.id(group), memberships.usersOf(GoogleGroups.id(group)));
        }
        inScope = scope(membersByGroup);

        ApiPage.walk((token, number) -> api.users(config.customer(), token, number), this::applyUsers);

        deleteUsersNotKept();
        applyDeferred();
        applyGroups(selected, membersByGroup);
    }

    /** Every user when no group filter is set; else the members of the selected groups. */
    private Predicate<String> scope(Map<String, Set<String>> membersByGroup) {
        if (config.groups().isEmpty()) {
            return googleId -> true;
        }
        Set<String> members = new HashSet<>();
        membersByGroup.values().forEach(members::addAll);
        return members::contains;
    }

    private List<ObjectNode> directMembers(String groupId) {
        List<ObjectNode> members = new ArrayList<>();
        ApiPage.walk((token, number) -> api.members(groupId, token, number), members::addAll);
        return members;
    }

    private void applyUsers(List<ObjectNode> page) {
        List<ObjectNode> wanted = new ArrayList<>();
        for (ObjectNode user : page) {
            String id = GoogleUsers.id(user);
            if (id == null) {
                counts.failed("a user without id (" + GoogleUsers.text(user, "primaryEmail") + ")");
                continue;
            }
            listed.add(id);
            if (inScope.test(id)) {
                wanted.add(user);
            }
        }
        Map<String, DirectoryUser> existing = existingUsers(wanted.stream().map(GoogleUsers::id).toList());
        for (ObjectNode user : wanted) {
            if (!applyUser(user, existing.get(GoogleUsers.id(user)))) {
                deferred.add(user);
            }
        }
    }

    /**
     * Users whose new primaryEmail was still another's userName. Most are free now (the holder
     * vanished, or was renamed later in the listing). What is still blocked is a cycle (two users
     * swapped addresses): each blocked user first moves aside to its Google id as userName, which no
     * other user can hold, and then takes its new name.
     */
    private void applyDeferred() {
        List<ObjectNode> blocked = new ArrayList<>();
        for (ObjectNode user : deferred) {
            if (!applyUser(user, currentOf(user))) {
                blocked.add(user);
            }
        }
        for (ObjectNode user : blocked) {
            DirectoryUser current = currentOf(user);
            if (current != null) {
                moveAside(current);
            }
        }
        for (ObjectNode user : blocked) {
            if (!applyUser(user, currentOf(user))) {
                counts.failed("user " + GoogleUsers.id(user) + ": its primaryEmail is the userName of another directory user");
            }
        }
    }

    /** @return false when nothing was written because the userName is held by another directory user */
    private boolean applyUser(ObjectNode user, DirectoryUser current) {
        checkpoint.run();
        String googleId = GoogleUsers.id(user);
        if (current != null) {
            kept.put(googleId, current.id());
            if (GoogleUsers.unchanged(current.attributes(), user)) {
                return true;
            }
        }
        try {
            DirectoryUserData data = GoogleUsers.toDirectoryUser(user);
            if (current == null) {
                kept.put(googleId, users.create(directoryId, data).id());
                counts.usersCreated++;
            } else {
                users.update(directoryId, current.id(), null, previous -> data);
                if (current.active() && !data.active()) {
                    counts.usersDeactivated++;
                } else {
                    counts.usersUpdated++;
                }
            }
        } catch (ScimgateException e) {
            if (e.code().equals("user_name_taken")) {
                return false;
            }
            counts.failed("user " + googleId + ": " + e.getMessage());
        }
        return true;
    }

    /** The user as last synced, but named by its Google id, freeing its old userName. */
    private void moveAside(DirectoryUser current) {
        ObjectNode record = GoogleUsers.record(current.attributes());
        if (record == null) {
            counts.failed("user " + current.externalId() + ": could not free its userName (no Google record stored)");
            return;
        }
        try {
            DirectoryUserData previous = GoogleUsers.toDirectoryUser(record);
            users.update(directoryId, current.id(), null, user -> new DirectoryUserData(current.externalId(),
                    previous.externalId(), previous.active(), previous.displayName(), previous.givenName(),
                    previous.familyName(), previous.emails(), previous.title(), previous.employeeNumber(),
                    previous.department(), previous.attributes()));
        } catch (ScimgateException e) {
            counts.failed("user " + current.externalId() + ": could not free its userName (" + e.getMessage() + ")");
        }
    }

    private DirectoryUser currentOf(ObjectNode user) {
        return existingUsers(List.of(GoogleUsers.id(user))).get(GoogleUsers.id(user));
    }

    /** The directory users with these Google ids, by Google id; the oldest wins if an id repeats. */
    private Map<String, DirectoryUser> existingUsers(List<String> googleIds) {
        Map<String, DirectoryUser> byGoogleId = new HashMap<>();
        if (googleIds.isEmpty()) {
            return byGoogleId;
        }
        for (DirectoryUser user : users.find(directoryId, DIRECTORY_USER.EXTERNAL_ID.in(googleIds), List.of(), 0,
                Integer.MAX_VALUE).items()) {
            byGoogleId.putIfAbsent(user.externalId(), user);
        }
        return byGoogleId;
    }

    /**
     * Deletes the directory users Google no longer has in scope. One that users.list did not return
     * at all is first looked up by id: paging over a changing directory can skip an entry, and a
     * user must not be deprovisioned for that.
     */
    private void deleteUsersNotKept() {
        Set<String> keep = new HashSet<>(kept.values());
        for (var row : read.select(DIRECTORY_USER.ID, DIRECTORY_USER.EXTERNAL_ID).from(DIRECTORY_USER)
                .where(DIRECTORY_USER.DIRECTORY_ID.eq(directoryId)).fetch()) {
            String id = row.value1();
            String googleId = row.value2();
            if (keep.contains(id)) {
                continue;
            }
            checkpoint.run();
            if (googleId != null && !listed.contains(googleId) && stillInScope(googleId)) {
                continue;
            }
            try {
                users.delete(directoryId, id, null);
                counts.usersDeleted++;
            } catch (ScimgateException e) {
                countUnlessGone(e, "user " + id);
            }
        }
    }

    /** Looks a user the listing missed up in Google, and applies it when it exists and is in scope. */
    private boolean stillInScope(String googleId) {
        ObjectNode user = api.user(googleId);
        if (user == null || !googleId.equals(GoogleUsers.id(user)) || !inScope.test(googleId)) {
            return false;
        }
        if (!applyUser(user, currentOf(user))) {
            deferred.add(user);
        }
        return true;
    }

    private void applyGroups(List<ObjectNode> selected, Map<String, Set<String>> membersByGroup) {
        Map<String, DirectoryGroup> existing = new HashMap<>();
        for (DirectoryGroup group : groups.find(directoryId, DIRECTORY_GROUP.EXTERNAL_ID.isNotNull(), List.of(), 0,
                Integer.MAX_VALUE).items()) {
            existing.putIfAbsent(group.externalId(), group);
        }
        Set<String> keep = new HashSet<>();
        for (ObjectNode googleGroup : selected) {
            checkpoint.run();
            String googleId = GoogleGroups.id(googleGroup);
            List<String> memberIds = membersByGroup.get(googleId).stream().map(kept::get).filter(Objects::nonNull).toList();
            DirectoryGroup current = existing.get(googleId);
            if (current != null) {
                keep.add(current.id());
            }
            try {
                if (current == null) {
                    keep.add(groups.create(directoryId, GoogleGroups.toDirectoryGroup(googleGroup), memberIds).id());
                    counts.groupsCreated++;
                } else {
                    DirectoryGroup after = groups.update(directoryId, current.id(), null, edit -> {
                        edit.replaceData(GoogleGroups.toDirectoryGroup(googleGroup));
                        edit.replaceMembers(memberIds);
                    });
                    if (after.version() != current.version()) {
                        counts.groupsUpdated++;
                    }
                }
            } catch (ScimgateException e) {
                counts.failed("group " + googleId + ": " + e.getMessage());
            }
        }
        for (String id : read.select(DIRECTORY_GROUP.ID).from(DIRECTORY_GROUP)
                .where(DIRECTORY_GROUP.DIRECTORY_ID.eq(directoryId)).fetch(DIRECTORY_GROUP.ID)) {
            if (!keep.contains(id)) {
                checkpoint.run();
                try {
                    groups.delete(directoryId, id, null);
                    counts.groupsDeleted++;
                } catch (ScimgateException e) {
                    countUnlessGone(e, "group " + id);
                }
            }
        }
    }

    private void countUnlessGone(ScimgateException e, String what) {
        if (e.kind() != ScimgateException.Kind.NOT_FOUND) {
            counts.failed(what + ": " + e.getMessage());
        }
    }
}
