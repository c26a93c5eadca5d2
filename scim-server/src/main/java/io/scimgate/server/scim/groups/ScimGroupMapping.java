package io.scimgate.server.scim.groups;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimgate.core.directory.DirectoryGroup;
import io.scimgate.core.directory.DirectoryGroupData;
import io.scimgate.core.directory.GroupMember;
import io.scimgate.server.scim.IfMatch;
import io.scimgate.server.scim.json.StoredDocuments;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.apache.directory.scim.spec.resources.GroupMembership;
import org.apache.directory.scim.spec.resources.ScimGroup;
import org.apache.directory.scim.spec.schema.Meta;

/**
 * SCIM Group resources to and from directory groups. The stored document is the group as the IdP
 * sent it without what the server owns ({@code id}, {@code meta}) and without its members, which
 * are rows of their own.
 */
public final class ScimGroupMapping {

    private final ObjectMapper json;
    private final StoredDocuments documents;

    public ScimGroupMapping(ObjectMapper json) {
        this.json = json;
        this.documents = new StoredDocuments(json);
    }

    /** The member ids a resource names, in order, once each. */
    public Set<String> memberIds(ScimGroup group) {
        Set<String> ids = new LinkedHashSet<>();
        if (group.getMembers() != null) {
            group.getMembers().stream().map(GroupMembership::getValue).filter(Objects::nonNull).forEach(ids::add);
        }
        return ids;
    }

    /** The group without members, id and meta; {@code group} is not changed. */
    public DirectoryGroupData toData(ScimGroup group) {
        ScimGroup copy = json.convertValue(json.valueToTree(group), ScimGroup.class);
        copy.setId(null);
        copy.setMeta(null);
        copy.setMembers(null);
        return new DirectoryGroupData(copy.getDisplayName(), copy.getExternalId(), documents.write(copy));
    }

    /**
     * @param members the members to show, or null to leave {@code members} out
     * @param userLocation the URL of a user, by id
     */
    public ScimGroup toScim(DirectoryGroup stored, List<GroupMember> members, String location,
            UnaryOperator<String> userLocation) {
        ScimGroup group = documents.read(stored.attributes(), ScimGroup.class);
        group.setId(stored.id());
        group.setMembers(null);
        if (members != null) {
            group.setMembers(members.stream().map(member -> {
                GroupMembership membership = new GroupMembership();
                membership.setValue(member.userId());
                membership.setRef(userLocation.apply(member.userId()));
                membership.setDisplay(member.displayName() != null ? member.displayName() : member.userName());
                membership.setType(GroupMembership.Type.USER);
                return membership;
            }).toList());
        }
        Meta meta = new Meta();
        meta.setResourceType(ScimGroup.RESOURCE_NAME);
        meta.setCreated(LocalDateTime.ofInstant(stored.createdAt(), ZoneOffset.UTC));
        meta.setLastModified(LocalDateTime.ofInstant(stored.updatedAt(), ZoneOffset.UTC));
        meta.setLocation(location);
        meta.setVersion(IfMatch.etagOf(stored.version()));
        group.setMeta(meta);
        return group;
    }
}
