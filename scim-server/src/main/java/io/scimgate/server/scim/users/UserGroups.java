package io.scimgate.server.scim.users;

import io.scimgate.core.directory.DirectoryDetails;
import io.scimgate.core.directory.DirectoryUserDetails.GroupRef;
import io.scimgate.server.scim.ScimRequest;
import io.scimgate.server.scim.projection.AttributeSelection;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.directory.scim.spec.resources.UserGroup;

/**
 * A user's read-only {@code groups} attribute (RFC 7643 §4.1.2): the directory groups it is a direct
 * member of, each with {@code value}, {@code display} and {@code $ref}. Read with one query on the
 * member index for a whole page, and only when the response shows the attribute.
 */
final class UserGroups {

    private static final String GROUPS = "groups";
    private static final String GROUPS_ENDPOINT = "Groups";

    private final DirectoryDetails details;

    UserGroups(DirectoryDetails details) {
        this.details = details;
    }

    /** The groups of each of these users of the current directory that is in one; none when the response hides them. */
    Map<String, List<UserGroup>> of(Collection<String> userIds, AttributeSelection selection) {
        if (userIds.isEmpty() || !selection.mayReturn(GROUPS)) {
            return Map.of();
        }
        ScimRequest request = ScimRequest.current();
        Map<String, List<GroupRef>> groups = details.groupsOf(request.directoryId(), userIds);
        return groups.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                entry -> entry.getValue().stream().map(group -> toScim(request, group)).toList()));
    }

    private static UserGroup toScim(ScimRequest request, GroupRef group) {
        return new UserGroup()
                .setValue(group.id())
                .setDisplay(group.name())
                .setRef(request.locationOf(GROUPS_ENDPOINT, group.id()))
                .setType(UserGroup.Type.DIRECT);
    }
}
