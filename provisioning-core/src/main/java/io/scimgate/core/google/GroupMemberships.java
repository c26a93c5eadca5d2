package io.scimgate.core.google;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who is in which Google group, nested groups expanded: a directory group holds every user that
 * is a member directly or through groups inside it (at any depth, cycles tolerated), as Google's
 * own {@code includeDerivedMembership} would say. Nested groups are not directory groups of their
 * own unless they are synced themselves. Members of type {@code CUSTOMER} ("everyone in the
 * organization") are ignored and logged. Each group's direct members are read from Google once.
 */
final class GroupMemberships {

    private static final Logger LOG = LoggerFactory.getLogger(GroupMemberships.class);

    private final Function<String, List<ObjectNode>> directMembers;
    private final Map<String, Direct> direct = new HashMap<>();

    /** @param directMembers reads every member of one group from Google (all pages) */
    GroupMemberships(Function<String, List<ObjectNode>> directMembers) {
        this.directMembers = directMembers;
    }

    /** The Google ids of the users in {@code groupId}, directly or through nested groups. */
    Set<String> usersOf(String groupId) {
        Set<String> users = new LinkedHashSet<>();
        Set<String> visited = new HashSet<>();
        Deque<String> pending = new ArrayDeque<>(List.of(groupId));
        while (!pending.isEmpty()) {
            String group = pending.pop();
            if (visited.add(group)) {
                Direct members = direct.computeIfAbsent(group, this::load);
                users.addAll(members.users());
                pending.addAll(members.groups());
            }
        }
        return users;
    }

    private Direct load(String groupId) {
        Set<String> users = new LinkedHashSet<>();
        Set<String> groups = new LinkedHashSet<>();
        for (ObjectNode member : directMembers.apply(groupId)) {
            String id = GoogleUsers.text(member, "id");
            String type = GoogleUsers.text(member, "type");
            if (id == null) {
                continue;
            }
            if ("USER".equals(type)) {
                users.add(id);
            } else if ("GROUP".equals(type)) {
                groups.add(id);
            } else {
                LOG.info("Google group {}: member {} of type {} is ignored", groupId, id, type);
            }
        }
        return new Direct(users, groups);
    }

    private record Direct(Set<String> users, Set<String> groups) {
    }
}
