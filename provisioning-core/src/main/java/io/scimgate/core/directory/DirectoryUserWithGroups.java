package io.scimgate.core.directory;

import io.scimgate.core.directory.DirectoryUserDetails.GroupRef;
import java.util.List;

/** A directory user with the groups of its directory it is a direct member of, by group creation order. */
public record DirectoryUserWithGroups(DirectoryUser user, List<GroupRef> groups) {

    public DirectoryUserWithGroups {
        groups = List.copyOf(groups);
    }
}
