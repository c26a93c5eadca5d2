package io.scimgate.server.scim.groups;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.core.directory.DirectoryGroup;
import io.scimgate.core.directory.DirectoryGroups;
import io.scimgate.core.directory.GroupEdit;
import io.scimgate.core.directory.GroupMember;
import io.scimgate.core.store.schema.Tables;
import io.scimgate.server.scim.ScimRequest;
import io.scimgate.server.scim.endpoint.ListRequest;
import io.scimgate.server.scim.endpoint.ResourceRepository;
import io.scimgate.server.scim.endpoint.Stored;
import io.scimgate.server.scim.filter.FilterTranslator;
import io.scimgate.server.scim.filter.GroupFilters;
import io.scimgate.server.scim.paging.ListPage;
import io.scimgate.server.scim.paging.Pager;
import io.scimgate.server.scim.patch.PatchApplier;
import io.scimgate.server.scim.patch.PatchNormalizer;
import io.scimgate.server.scim.patch.PatchOp;
import io.scimgate.server.scim.projection.AttributeSelection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.directory.scim.spec.resources.ScimGroup;

/**
 * Groups of the directory the request authenticated as, with members as rows of the provisioning
 * core. Members are read only when the response shows them: never for
 * {@code excludedAttributes=members}, and never after a PATCH, which answers 204 unless the client
 * asked for attributes. Member ids that are not users of the directory are dropped (and logged) by
 * the core.
 */
public final class ScimGroupRepository implements ResourceRepository<ScimGroup> {

    static final String ENDPOINT = "Groups";
    private static final String MEMBERS = "members";

    private final DirectoryGroups directoryGroups;
    private final ScimGroupMapping mapping;
    private final PatchNormalizer patchNormalizer;
    private final GroupPatch groupPatch;
    private final FilterTranslator filters = GroupFilters.translator();
    private final Pager<DirectoryGroup> pager;

    public ScimGroupRepository(DirectoryGroups directoryGroups, ScimGroupMapping mapping, PatchNormalizer patchNormalizer,
            PatchApplier patchApplier) {
        this.directoryGroups = directoryGroups;
        this.pager = new Pager<>(directoryGroups.listing(), Tables.DIRECTORY_GROUP.SEQ, DirectoryGroup::seq);
        this.mapping = mapping;
        this.patchNormalizer = patchNormalizer;
        this.groupPatch = new GroupPatch(patchApplier, mapping, edit -> toScim(edit.current(), null));
    }

    @Override
    public String endpoint() {
        return ENDPOINT;
    }

    @Override
    public Class<ScimGroup> resourceClass() {
        return ScimGroup.class;
    }

    @Override
    public Stored<ScimGroup> create(ScimGroup resource, AttributeSelection selection) {
        Set<String> members = mapping.memberIds(resource);
        DirectoryGroup created = directoryGroups.create(directoryId(), mapping.toData(resource), members);
        return stored(created, selection);
    }

    @Override
    public Optional<Found<ScimGroup>> find(String id) {
        return directoryGroups.find(directoryId(), id).map(group -> Found.of(group.version(), locationOf(group.id()),
                selection -> toScim(group, membersFor(group, selection))));
    }

    @Override
    public Stored<ScimGroup> replace(String id, Long expectedVersion, ScimGroup resource, AttributeSelection selection) {
        Set<String> members = resource.getMembers() == null ? null : mapping.memberIds(resource);
        DirectoryGroup replaced = directoryGroups.update(directoryId(), id, expectedVersion, edit -> {
            edit.replaceData(mapping.toData(resource));
            // A PUT without members leaves them as they are (our choice, as for a user's active);
            // "members": [] empties the group.
            if (members != null) {
                replaceMembers(edit, members);
            }
        });
        return stored(replaced, selection);
    }

    @Override
    public Stored<ScimGroup> patch(String id, Long expectedVersion, JsonNode patchRequest, AttributeSelection selection) {
        List<PatchOp> operations = patchNormalizer.normalize(patchRequest);
        DirectoryGroup patched = directoryGroups.update(directoryId(), id, expectedVersion,
                edit -> groupPatch.apply(edit, operations));
        if (selection.isDefault()) {
            return new Stored<>(null, patched.version(), locationOf(patched.id()));
        }
        return stored(patched, selection);
    }

    @Override
    public void delete(String id, Long expectedVersion) {
        directoryGroups.delete(directoryId(), id, expectedVersion);
    }

    @Override
    public ListPage<ScimGroup> list(ListRequest request, AttributeSelection selection) {
        return pager.page(directoryId(), filters.toCondition(request.filter()),
                filters.sortKey(request.sortBy(), request.sortOrder()), request.page(), request.fingerprint())
                .map(group -> toScim(group, membersFor(group, selection)));
    }

    private static void replaceMembers(GroupEdit edit, Set<String> members) {
        if (members.isEmpty()) {
            edit.removeAllMembers();
        } else {
            edit.replaceMembers(members);
        }
    }

    private List<GroupMember> membersFor(DirectoryGroup group, AttributeSelection selection) {
        return selection.mayReturn(MEMBERS) ? directoryGroups.members(group.directoryId(), group.id()) : null;
    }

    private Stored<ScimGroup> stored(DirectoryGroup group, AttributeSelection selection) {
        return new Stored<>(toScim(group, membersFor(group, selection)), group.version(), locationOf(group.id()));
    }

    private ScimGroup toScim(DirectoryGroup group, List<GroupMember> members) {
        String base = ScimRequest.current().baseUrl();
        return mapping.toScim(group, members, locationOf(group.id()), userId -> base + "/Users/" + userId);
    }

    private static String locationOf(String id) {
        return ScimRequest.current().locationOf(ENDPOINT, id);
    }

    private static String directoryId() {
        return ScimRequest.current().directoryId();
    }
}
