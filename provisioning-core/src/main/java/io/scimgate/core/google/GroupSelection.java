package io.scimgate.core.google;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The groups a directory syncs: all of them, or those its filter names by e-mail address, alias or
 * id. A name that matches no group stops the run: were it a typo or a renamed group, syncing on
 * would remove every member of that group from the directory.
 */
final class GroupSelection {

    private GroupSelection() {
    }

    static List<ObjectNode> select(List<ObjectNode> groups, List<String> filter) {
        if (filter.isEmpty()) {
            return groups;
        }
        List<ObjectNode> selected = new ArrayList<>();
        Set<String> unmatched = new LinkedHashSet<>(filter);
        for (ObjectNode group : groups) {
            Set<String> keys = keysOf(group);
            boolean wanted = false;
            for (String name : filter) {
                if (keys.contains(name.toLowerCase(Locale.ROOT))) {
                    unmatched.remove(name);
                    wanted = true;
                }
            }
            if (wanted) {
                selected.add(group);
            }
        }
        if (!unmatched.isEmpty()) {
            throw new SyncFailure("The group filter names groups Google does not list: " + String.join(", ", unmatched)
                    + "; nothing was changed (fix the filter or the group)");
        }
        return selected;
    }

    private static Set<String> keysOf(ObjectNode group) {
        Set<String> keys = new LinkedHashSet<>();
        addKey(keys, GoogleGroups.id(group));
        addKey(keys, GoogleGroups.email(group));
        for (JsonNode alias : group.path("aliases")) {
            addKey(keys, alias.isTextual() ? alias.asText() : null);
        }
        return keys;
    }

    private static void addKey(Set<String> keys, String key) {
        if (key != null) {
            keys.add(key.toLowerCase(Locale.ROOT));
        }
    }
}
