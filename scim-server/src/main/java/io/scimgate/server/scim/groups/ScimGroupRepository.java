package io.scimgate.server.scim.groups;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.core.directory.DirectoryGroup;
import io.scimgate.core.directory.DirectoryGroups;
import io.scimgate.core.directory.GroupEdit;
import io.scimgate.core.directory.GroupMember;
import io.scimgate.server.http.RequestBudget;
import io.scimgate.server.scim.ScimRequest;
import io.scimgate.server.scim.endpoint.ListRequest;
import io.scimgate.server.scim.endpoint.ResourceRepository;
import io.scimgate.server.scim.endpoint.Stored;
import io.scimgate.server.scim.filter.FilterTranslator;
import io.scimgate.server.scim.json.ResourceNormalizer;
import io.scimgate.server.scim.json.ScimpleTypes;
import io.scimgate.server.scim.paging.ListPage;
import io.scimgate.server.scim.paging.DirectoryPages;
import io.scimgate.server.scim.patch.DocumentPatcher;
import io.scimgate.server.scim.patch.PatchNormalizer;
import io.scimgate.server.scim.patch.PatchOp;
import io.scimgate.server.scim.projection.AttributeSelection;
import io.scimgate.server.scim.quirk.Quirks;
import io.scimgate.server.scim.schema.SchemaPaths;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    private final ObjectMapper json;
    private final ResourceNormalizer normalizer;
    private final ScimGroupMapping mapping;
    private final PatchNormalizer patchNormalizer;
    private final GroupPatch groupPatch;
    private final FilterTranslator filters;

    public ScimGroupRepository(DirectoryGroups directoryGroups, ObjectMapper json, ResourceNormalizer normalizer) {
        this.directoryGroups = directoryGroups;
        this.json = json;
        this.normalizer = normalizer;
        this.mapping = new ScimGroupMapping(json, normalizer);
        this.patchNormalizer = new PatchNormalizer(normalizer);
        this.filters = FilterTranslator.forGroups(normalizer.paths());
        this.groupPatch = new GroupPatch(new DocumentPatcher(), mapping, edit -> toDocument(edit.current(), null),
                edit -> directoryGroups.members(edit.current().directoryId(), edit.current().id()));
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
    public SchemaPaths paths() {
        return normalizer.paths();
    }

    @Override
    public ObjectMapper json() {
        return json;
    }

    @Override
    public ScimGroup toScimple(ObjectNode document) {
        return ScimpleTypes.bind(json, document, ScimGroup.class);
    }

    @Override
    public Stored create(JsonNode body, AttributeSelection selection) {
        ObjectNode document = normalizer.normalize(body, quirks());
        Map<String, String> members = mapping.members(document);
        DirectoryGroup created = directoryGroups.create(directoryId(), mapping.toData(document),
                members == null ? Map.of() : members);
        return stored(created, selection);
    }

    @Override
    public Optional<Found> find(String id) {
        return directoryGroups.find(directoryId(), id).map(group -> Found.of(group.version(), locationOf(group.id()),
                selection -> toDocument(group, membersFor(group, selection))));
    }

    @Override
    public Stored replace(String id, Long expectedVersion, JsonNode body, AttributeSelection selection) {
        ObjectNode document = normalizer.normalize(body, quirks());
        Map<String, String> members = mapping.members(document);
        DirectoryGroup replaced = directoryGroups.update(directoryId(), id, expectedVersion, edit -> {
            RequestBudget.checkBeforeChange(GroupPatch.WHAT);
            edit.replaceData(mapping.toData(document));
            // A PUT without members leaves them as they are (our choice, as for a user's active);
            // "members": [] empties the group.
            if (members != null) {
                replaceMembers(edit, members);
            }
        });
        return stored(replaced, selection);
    }

    @Override
    public Stored patch(String id, Long expectedVersion, JsonNode patchRequest, AttributeSelection selection) {
        PatchNormalizer.operations(patchRequest);
        Quirks quirks = quirks();
        DirectoryGroup patched = directoryGroups.update(directoryId(), id, expectedVersion, edit -> {
            RequestBudget.checkBeforeChange(GroupPatch.WHAT);
            ObjectNode current = toDocument(edit.current(), null);
            List<PatchOp> operations = patchNormalizer.normalize(patchRequest, quirks,
                    normalizer.undeclaredExtensionUrns(current));
            groupPatch.apply(edit, operations, quirks);
        });
        if (selection.isDefault()) {
            return new Stored(null, patched.version(), locationOf(patched.id()));
        }
        return stored(patched, selection);
    }

    @Override
    public void delete(String id, Long expectedVersion) {
        directoryGroups.delete(directoryId(), id, expectedVersion);
    }

    @Override
    public ListPage<ObjectNode> list(ListRequest request, AttributeSelection selection) {
        return DirectoryPages.of(() -> directoryGroups.list(directoryId(), filters.query(request)))
                .map(group -> toDocument(group, membersFor(group, selection)));
    }

    private static void replaceMembers(GroupEdit edit, Map<String, String> members) {
        if (members.isEmpty()) {
            edit.removeAllMembers();
        } else {
            edit.replaceMembers(members.keySet());
            edit.memberDisplays(members);
        }
    }

    private List<GroupMember> membersFor(DirectoryGroup group, AttributeSelection selection) {
        return selection.mayReturn(MEMBERS) ? directoryGroups.members(group.directoryId(), group.id()) : null;
    }

    private Stored stored(DirectoryGroup group, AttributeSelection selection) {
        return new Stored(toDocument(group, membersFor(group, selection)), group.version(), locationOf(group.id()));
    }

    private ObjectNode toDocument(DirectoryGroup group, List<GroupMember> members) {
        String base = ScimRequest.current().baseUrl();
        return mapping.toDocument(group, members, locationOf(group.id()), userId -> base + "/Users/" + userId);
    }

    private static Quirks quirks() {
        return ScimRequest.current().profile().quirks();
    }

    private static String locationOf(String id) {
        return ScimRequest.current().locationOf(ENDPOINT, id);
    }

    private static String directoryId() {
        return ScimRequest.current().directoryId();
    }
}
