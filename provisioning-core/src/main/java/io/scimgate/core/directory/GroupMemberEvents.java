package io.scimgate.core.directory;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.core.events.Events;
import io.scimgate.core.store.internal.Chunks;
import io.scimgate.core.store.internal.Tx;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * {@code dsync.group.user_added} and {@code dsync.group.user_removed} (P22): each carries the
 * directory id, the whole directory user and the whole group ({@link DirectoryUserDetails},
 * {@link DirectoryGroupDetails}) as they are once the change is made, roles included. They are
 * emitted when the request's member changes are all written, in the order the changes were
 * made, reading {@value Chunks#SIZE} users at a time.
 */
final class GroupMemberEvents {

    static final String USER_ADDED = "dsync.group.user_added";
    static final String USER_REMOVED = "dsync.group.user_removed";

    /** One member change: {@link #USER_ADDED} or {@link #USER_REMOVED} of a directory user. */
    record Change(String type, String groupId, String userId) {
    }

    private GroupMemberEvents() {
    }

    /** The changes of one group, whose row the caller holds as it is after them. */
    static void emit(Tx tx, DirectoryGroupDetails group, List<Change> changes) {
        emit(tx, group.organizationId(), group.directoryId(), changes, Map.of(group.id(), group));
    }

    /** Changes of any groups of the directory, which are read as they are now. */
    static void emit(Tx tx, String organizationId, String directoryId, List<Change> changes) {
        if (changes.isEmpty()) {
            return;
        }
        emit(tx, organizationId, directoryId, changes, DirectoryDetails.groups(tx.dsl(),
                        changes.stream().map(Change::groupId).collect(Collectors.toCollection(LinkedHashSet::new)))
                .stream().collect(Collectors.toMap(DirectoryGroupDetails::id, Function.identity())));
    }

    private static void emit(Tx tx, String organizationId, String directoryId, List<Change> changes,
            Map<String, DirectoryGroupDetails> groups) {
        if (changes.isEmpty()) {
            return;
        }
        List<Change> window = new ArrayList<>();
        LinkedHashSet<String> users = new LinkedHashSet<>();
        for (Change change : changes) {
            if (users.add(change.userId()) && users.size() > Chunks.SIZE) {
                emitWindow(tx, organizationId, directoryId, window, groups);
                window.clear();
                users.clear();
                users.add(change.userId());
            }
            window.add(change);
        }
        emitWindow(tx, organizationId, directoryId, window, groups);
    }

    private static void emitWindow(Tx tx, String organizationId, String directoryId, List<Change> window,
            Map<String, DirectoryGroupDetails> groups) {
        Map<String, ObjectNode> users = DirectoryDetails.users(tx.dsl(),
                        window.stream().map(Change::userId).collect(Collectors.toCollection(LinkedHashSet::new)))
                .stream().collect(Collectors.toMap(DirectoryUserDetails::id, DirectoryUserDetails::toJson));
        for (Change change : window) {
            ObjectNode data = Events.data().put("directoryId", directoryId);
            data.set("user", users.get(change.userId()));
            data.set("group", groups.get(change.groupId()).toJson());
            tx.emit(change.type(), organizationId, directoryId, data);
        }
    }
}
