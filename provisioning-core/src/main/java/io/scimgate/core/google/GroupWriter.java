package io.scimgate.core.google;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.core.ScimgateException;
import io.scimgate.core.directory.DirectoryGroup;
import io.scimgate.core.directory.DirectoryGroups;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Makes the directory's groups the synced Google groups, each with its members as one edit
 * (name, record and members in one transaction), and deletes the other groups.
 */
final class GroupWriter {

    private final RunContext run;
    private final DirectoryGroups groups;

    GroupWriter(RunContext run, DirectoryGroups groups) {
        this.run = run;
        this.groups = groups;
    }

    /**
     * @param membersByGroup Google group id → Google ids of its users (nested groups expanded)
     * @param directoryUserIds Google user id → directory user id; users not in it are not members
     */
    void apply(List<ObjectNode> synced, Map<String, Set<String>> membersByGroup, Map<String, String> directoryUserIds) {
        Map<String, DirectoryGroup> existing = new HashMap<>();
        for (DirectoryGroup group : groups.withExternalIds(run.directoryId())) {
            existing.putIfAbsent(group.externalId(), group);
        }
        Set<String> keep = new HashSet<>();
        for (ObjectNode googleGroup : synced) {
            run.checkpoint().run();
            String googleId = GoogleGroups.id(googleGroup);
            List<String> memberIds = membersByGroup.get(googleId).stream()
                    .map(directoryUserIds::get).filter(Objects::nonNull).toList();
            DirectoryGroup current = existing.get(googleId);
            if (current != null) {
                keep.add(current.id());
            }
            try {
                if (current == null) {
                    keep.add(groups.create(run.directoryId(), GoogleGroups.toDirectoryGroup(googleGroup), memberIds).id());
                    run.counts().groupsCreated++;
                } else {
                    DirectoryGroup after = groups.update(run.directoryId(), current.id(), null, edit -> {
                        edit.replaceData(GoogleGroups.toDirectoryGroup(googleGroup));
                        edit.replaceMembers(memberIds);
                    });
                    if (after.version() != current.version()) {
                        run.counts().groupsUpdated++;
                    }
                }
            } catch (ScimgateException e) {
                run.counts().failed("group " + googleId + ": " + e.getMessage());
            }
        }
        deleteGroupsNotKept(keep);
    }

    private void deleteGroupsNotKept(Set<String> keep) {
        for (String id : groups.ids(run.directoryId())) {
            if (!keep.contains(id)) {
                run.checkpoint().run();
                try {
                    groups.delete(run.directoryId(), id, null);
                    run.counts().groupsDeleted++;
                } catch (ScimgateException e) {
                    run.counts().failedUnlessGone(e, "group " + id);
                }
            }
        }
    }
}
