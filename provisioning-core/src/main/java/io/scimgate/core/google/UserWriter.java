package io.scimgate.core.google;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.core.ErrorCode;
import io.scimgate.core.ScimgateException;
import io.scimgate.core.directory.DirectoryUser;
import io.scimgate.core.directory.DirectoryUserData;
import io.scimgate.core.directory.DirectoryUsers;
import io.scimgate.core.directory.ExternalKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Applies Google users to the directory's users, page by page as users.list delivers them, and,
 * once the listing is complete, removes the directory users Google no longer has in scope.
 */
final class UserWriter {

    private final RunContext run;
    private final DirectoryUsers users;
    private final GoogleDirectoryApi api;
    private final Predicate<String> inScope;

    /** Google user id → directory user id, for every user the directory keeps after this run. */
    private final Map<String, String> kept = new HashMap<>();
    /** Users whose userName (primaryEmail) is still held by another directory user; retried after deletions. */
    private final List<ObjectNode> deferred = new ArrayList<>();
    /** Google ids of every user users.list returned, in scope or not. */
    private final Set<String> listed = new HashSet<>();

    UserWriter(RunContext run, DirectoryUsers users, GoogleDirectoryApi api, Predicate<String> inScope) {
        this.run = run;
        this.users = users;
        this.api = api;
        this.inScope = inScope;
    }

    void applyPage(List<ObjectNode> page) {
        List<ObjectNode> wanted = new ArrayList<>();
        for (ObjectNode user : page) {
            String id = GoogleUsers.id(user);
            if (id == null) {
                run.counts().failed("a user without id (" + GoogleUsers.text(user, "primaryEmail") + ")");
                continue;
            }
            listed.add(id);
            if (inScope.test(id)) {
                wanted.add(user);
            }
        }
        Map<String, DirectoryUser> existing = existingUsers(wanted.stream().map(GoogleUsers::id).toList());
        for (ObjectNode user : wanted) {
            if (!apply(user, existing.get(GoogleUsers.id(user)))) {
                deferred.add(user);
            }
        }
    }

    /** After the last page: deletes what Google no longer has, then applies the users that had to wait for a userName. */
    void finish() {
        deleteUsersNotKept();
        applyDeferred();
    }

    /** Google user id → directory user id, for every user the directory holds now. */
    Map<String, String> directoryUserIds() {
        return kept;
    }

    /** @return false when nothing was written because the userName is held by another directory user */
    private boolean apply(ObjectNode user, DirectoryUser current) {
        run.checkpoint().run();
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
                kept.put(googleId, users.create(run.directoryId(), data).id());
                run.counts().usersCreated++;
            } else {
                users.update(run.directoryId(), current.id(), null, previous -> data);
                if (current.active() && !data.active()) {
                    run.counts().usersDeactivated++;
                } else {
                    run.counts().usersUpdated++;
                }
            }
        } catch (ScimgateException e) {
            if (e.code() == ErrorCode.USER_NAME_TAKEN) {
                return false;
            }
            run.counts().failed("user " + googleId + ": " + e.getMessage());
        }
        return true;
    }

    /**
     * Deletes the directory users Google no longer has in scope. One that users.list did not return
     * at all is first looked up by id: paging over a changing directory can skip an entry, and a
     * user must not be deprovisioned for that.
     */
    private void deleteUsersNotKept() {
        Set<String> keep = new HashSet<>(kept.values());
        for (ExternalKey user : users.externalKeys(run.directoryId())) {
            String id = user.id();
            String googleId = user.externalId();
            if (keep.contains(id)) {
                continue;
            }
            run.checkpoint().run();
            if (googleId != null && !listed.contains(googleId) && stillInScope(googleId)) {
                continue;
            }
            try {
                users.delete(run.directoryId(), id, null);
                run.counts().usersDeleted++;
            } catch (ScimgateException e) {
                run.counts().failedUnlessGone(e, "user " + id);
            }
        }
    }

    /** Looks a user the listing missed up in Google, and applies it when it exists and is in scope. */
    private boolean stillInScope(String googleId) {
        ObjectNode user = api.user(googleId);
        if (user == null || !googleId.equals(GoogleUsers.id(user)) || !inScope.test(googleId)) {
            return false;
        }
        if (!apply(user, currentOf(user))) {
            deferred.add(user);
        }
        return true;
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
            if (!apply(user, currentOf(user))) {
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
            if (!apply(user, currentOf(user))) {
                run.counts().failed("user " + GoogleUsers.id(user) + ": its primaryEmail is the userName of another directory user");
            }
        }
    }

    /** The user as last synced, but named by its Google id, freeing its old userName. */
    private void moveAside(DirectoryUser current) {
        ObjectNode record = GoogleUsers.record(current.attributes());
        if (record == null) {
            run.counts().failed("user " + current.externalId() + ": could not free its userName (no Google record stored)");
            return;
        }
        try {
            DirectoryUserData previous = GoogleUsers.toDirectoryUser(record);
            users.update(run.directoryId(), current.id(), null, user -> new DirectoryUserData(current.externalId(),
                    previous.externalId(), previous.active(), previous.displayName(), previous.givenName(),
                    previous.familyName(), previous.emails(), previous.title(), previous.employeeNumber(),
                    previous.department(), previous.attributes()));
        } catch (ScimgateException e) {
            run.counts().failed("user " + current.externalId() + ": could not free its userName (" + e.getMessage() + ")");
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
        for (DirectoryUser user : users.withExternalIds(run.directoryId(), googleIds)) {
            byGoogleId.putIfAbsent(user.externalId(), user);
        }
        return byGoogleId;
    }
}
