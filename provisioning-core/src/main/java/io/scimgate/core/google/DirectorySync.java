package io.scimgate.core.google;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.core.directory.DirectoryGroups;
import io.scimgate.core.directory.DirectoryUsers;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

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
 *
 * <p>After each page the run's row gets the progress so far (pages fetched, users written), so an
 * operator watching a long first sync sees it move.
 */
final class DirectorySync {

    private final RunContext run;
    private final GoogleDirectoryConfig config;
    private final GoogleDirectoryApi api;
    private final DirectoryUsers users;
    private final DirectoryGroups groups;

    DirectorySync(RunContext run, GoogleDirectoryConfig config, GoogleDirectoryApi api, DirectoryUsers users,
            DirectoryGroups groups) {
        this.run = run;
        this.config = config;
        this.api = api;
        this.users = users;
        this.groups = groups;
    }

    void run() {
        List<ObjectNode> synced = GroupSelection.select(listGroups(), config.groups());
        GroupMemberships memberships = new GroupMemberships(this::directMembers);
        Map<String, Set<String>> membersByGroup = new LinkedHashMap<>();
        for (ObjectNode group : synced) {
            membersByGroup.put(GoogleGroups.id(group), memberships.usersOf(GoogleGroups.id(group)));
        }

        UserWriter userWriter = new UserWriter(run, users, api, scope(membersByGroup));
        walk((token, number) -> api.users(config.customer(), token, number), userWriter::applyPage);
        userWriter.finish();

        new GroupWriter(run, groups).apply(synced, membersByGroup, userWriter.directoryUserIds());
    }

    private List<ObjectNode> listGroups() {
        List<ObjectNode> listed = new ArrayList<>();
        walk((token, number) -> api.groups(config.customer(), token, number), listed::addAll);
        listed.removeIf(group -> {
            boolean withoutId = GoogleGroups.id(group) == null;
            if (withoutId) {
                run.counts().failed("a group without id (" + GoogleGroups.email(group) + ")");
            }
            return withoutId;
        });
        return listed;
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
        walk((token, number) -> api.members(groupId, token, number), members::addAll);
        return members;
    }

    /** Every page of a listing, each counted and, once handled, reported as the run's progress. */
    private void walk(ApiPage.Fetch fetch, Consumer<List<ObjectNode>> each) {
        ApiPage.walk(fetch, page -> {
            run.counts().pageFetched();
            each.accept(page);
            run.reportProgress().run();
        });
    }
}
