package io.scimgate.server.scim.users;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.scimgate.core.directory.DirectoryDetails;
import io.scimgate.core.directory.DirectoryUserDetails.GroupRef;
import io.scimgate.server.scim.ScimRequest;
import io.scimgate.server.scim.projection.AttributeSelection;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A user's read-only {@code groups} attribute (RFC 7643 §4.1.2): the directory groups it is a direct
 * member of, each with {@code value}, {@code display} and {@code $ref}. Read with one query on the
 * member index for a whole page, and only when the response shows the attribute.
 */
final class UserGroups {

    private static final String GROUPS = "groups";
    private static final String GROUPS_ENDPOINT = "Groups";

    private final DirectoryDetails details;
    private final ObjectMapper json;

    UserGroups(DirectoryDetails details, ObjectMapper json) {
        this.details = details;
        this.json = json;
    }

    /** The groups of each of these users of the current directory that is in one; none when the response hides them. */
    Map<String, ArrayNode> of(Collection<String> userIds, AttributeSelection selection) {
        if (userIds.isEmpty() || !selection.mayReturn(GROUPS)) {
            return Map.of();
        }
        ScimRequest request = ScimRequest.current();
        Map<String, List<GroupRef>> groups = details.groupsOf(request.directoryId(), userIds);
        return groups.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                entry -> toScim(request, entry.getValue())));
    }

    private ArrayNode toScim(ScimRequest request, List<GroupRef> groups) {
        ArrayNode values = json.createArrayNode();
        for (GroupRef group : groups) {
            values.addObject()
                    .put("value", group.id())
                    .put("display", group.name())
                    .put("$ref", request.locationOf(GROUPS_ENDPOINT, group.id()))
                    .put("type", "direct");
        }
        return values;
    }
}
