package io.scimgate.server.scim.users;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.core.directory.DirectoryDetails;
import io.scimgate.core.directory.DirectoryUser;
import io.scimgate.core.directory.DirectoryUsers;
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
import org.apache.directory.scim.spec.extension.EnterpriseExtension;
import org.apache.directory.scim.spec.resources.ScimExtension;
import org.apache.directory.scim.spec.resources.ScimUser;

/**
 * Users of the directory the request authenticated as, stored as directory users by the
 * provisioning core: PUT and PATCH both end in {@link DirectoryUsers#update}, so a deactivation has
 * the same effect whichever way it comes. PATCH is computed inside the update's transaction, from the
 * user it locked.
 */
public final class ScimUserRepository implements ResourceRepository<ScimUser> {

    public static final List<Class<? extends ScimExtension>> EXTENSIONS = List.of(EnterpriseExtension.class);

    static final String ENDPOINT = "Users";
    private static final String WHAT = "this user";

    private final DirectoryUsers directoryUsers;
    private final ObjectMapper json;
    private final ScimUserMapping mapping;
    private final ResourceNormalizer normalizer;
    private final PatchNormalizer patchNormalizer;
    private final DocumentPatcher patcher = new DocumentPatcher();
    private final FilterTranslator filters;
    private final UserGroups groups;

    public ScimUserRepository(DirectoryUsers directoryUsers, DirectoryDetails details, ObjectMapper json,
            ResourceNormalizer normalizer) {
        this.directoryUsers = directoryUsers;
        this.groups = new UserGroups(details, json);
        this.json = json;
        this.normalizer = normalizer;
        this.mapping = new ScimUserMapping(json, normalizer);
        this.patchNormalizer = new PatchNormalizer(normalizer);
        this.filters = FilterTranslator.forUsers(normalizer.paths());
    }

    @Override
    public List<Class<? extends ScimExtension>> getExtensionList() {
        return EXTENSIONS;
    }

    @Override
    public String endpoint() {
        return ENDPOINT;
    }

    @Override
    public Class<ScimUser> resourceClass() {
        return ScimUser.class;
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
    public ScimUser toScimple(ObjectNode document) {
        return ScimpleTypes.bind(json, document, ScimUser.class);
    }

    @Override
    public Stored create(JsonNode body, AttributeSelection selection) {
        ObjectNode document = normalizer.normalize(body, quirks());
        DirectoryUser created = directoryUsers.create(directoryId(), mapping.toData(document, null));
        // A user just created is in no group yet: no query for its groups on the create path.
        return new Stored(toDocument(created), created.version(), locationOf(created));
    }

    @Override
    public Optional<Found> find(String id) {
        // The user by primary key, then its groups: one statement joining them was measured and cost no
        // less CPU on either store (BENCHMARKS.md, "After the seventh pass"), so the simpler reads stay.
        return directoryUsers.find(directoryId(), id)
                .map(user -> Found.of(user.version(), locationOf(user), selection -> withGroups(user, selection)));
    }

    @Override
    public Stored replace(String id, Long expectedVersion, JsonNode body, AttributeSelection selection) {
        ObjectNode document = normalizer.normalize(body, quirks());
        return stored(directoryUsers.update(directoryId(), id, expectedVersion, current -> {
            RequestBudget.checkBeforeChange(WHAT);
            return mapping.toData(document, current);
        }), selection);
    }

    @Override
    public Stored patch(String id, Long expectedVersion, JsonNode patchRequest, AttributeSelection selection) {
        PatchNormalizer.operations(patchRequest);
        Quirks quirks = quirks();
        return stored(directoryUsers.update(directoryId(), id, expectedVersion, current -> {
            RequestBudget.checkBeforeChange(WHAT);
            ObjectNode document = toDocument(current);
            List<PatchOp> operations = patchNormalizer.normalize(patchRequest, quirks, normalizer.undeclaredExtensionUrns(document));
            return mapping.toData(patcher.apply(document, operations, quirks), current);
        }), selection);
    }

    @Override
    public void delete(String id, Long expectedVersion) {
        directoryUsers.delete(directoryId(), id, expectedVersion);
    }

    @Override
    public ListPage<ObjectNode> list(ListRequest request, AttributeSelection selection) {
        ListPage<DirectoryUser> page = DirectoryPages.of(() -> directoryUsers.list(directoryId(), filters.query(request)));
        Map<String, ArrayNode> groupsOfPage = groups.of(page.items().stream().map(DirectoryUser::id).toList(), selection);
        return page.map(user -> withGroups(user, groupsOfPage));
    }

    private Stored stored(DirectoryUser user, AttributeSelection selection) {
        return new Stored(withGroups(user, selection), user.version(), locationOf(user));
    }

    private ObjectNode toDocument(DirectoryUser user) {
        return mapping.toDocument(user, locationOf(user));
    }

    private static Quirks quirks() {
        return ScimRequest.current().profile().quirks();
    }

    private ObjectNode withGroups(DirectoryUser user, AttributeSelection selection) {
        return withGroups(user, groups.of(List.of(user.id()), selection));
    }

    /** The user with its read-only {@code groups}, computed, never as a client sent them. */
    private ObjectNode withGroups(DirectoryUser user, Map<String, ArrayNode> groupsByUser) {
        ObjectNode document = toDocument(user);
        ArrayNode its = groupsByUser.get(user.id());
        if (its != null && !its.isEmpty()) {
            document.set("groups", its);
        }
        return document;
    }

    private static String locationOf(DirectoryUser user) {
        return ScimRequest.current().locationOf(ENDPOINT, user.id());
    }

    private static String directoryId() {
        return ScimRequest.current().directoryId();
    }
}
