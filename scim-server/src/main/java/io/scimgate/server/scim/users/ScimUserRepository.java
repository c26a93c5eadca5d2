package io.scimgate.server.scim.users;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.core.directory.DirectoryDetails;
import io.scimgate.core.directory.DirectoryUser;
import io.scimgate.core.directory.DirectoryUsers;
import io.scimgate.core.store.schema.Tables;
import io.scimgate.server.scim.ScimRequest;
import io.scimgate.server.scim.endpoint.ListRequest;
import io.scimgate.server.scim.endpoint.ResourceRepository;
import io.scimgate.server.scim.endpoint.Stored;
import io.scimgate.server.scim.filter.FilterTranslator;
import io.scimgate.server.scim.filter.UserFilters;
import io.scimgate.server.scim.paging.ListPage;
import io.scimgate.server.scim.paging.Pager;
import io.scimgate.server.scim.patch.PatchApplier;
import io.scimgate.server.scim.patch.PatchNormalizer;
import io.scimgate.server.scim.patch.PatchOp;
import io.scimgate.server.scim.projection.AttributeSelection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.directory.scim.spec.extension.EnterpriseExtension;
import org.apache.directory.scim.spec.resources.ScimExtension;
import org.apache.directory.scim.spec.resources.ScimUser;
import org.apache.directory.scim.spec.resources.UserGroup;

/**
 * Users of the directory the request authenticated as, stored as directory users by the
 * provisioning core: PUT and PATCH both end in {@link DirectoryUsers#update}, so a deactivation has
 * the same effect whichever way it comes.
 */
public final class ScimUserRepository implements ResourceRepository<ScimUser> {

    public static final List<Class<? extends ScimExtension>> EXTENSIONS = List.of(EnterpriseExtension.class);

    @Override
    public List<Class<? extends ScimExtension>> getExtensionList() {
        return EXTENSIONS;
    }

    static final String ENDPOINT = "Users";

    private final DirectoryUsers directoryUsers;
    private final ScimUserMapping mapping;
    private final PatchNormalizer patchNormalizer;
    private final PatchApplier patchApplier;
    private final FilterTranslator filters = UserFilters.translator();
    private final Pager<DirectoryUser> pager;
    private final UserGroups groups;

    public ScimUserRepository(DirectoryUsers directoryUsers, DirectoryDetails details, ScimUserMapping mapping,
            PatchNormalizer patchNormalizer, PatchApplier patchApplier) {
        this.directoryUsers = directoryUsers;
        this.groups = new UserGroups(details);
        this.pager = new Pager<>(directoryUsers.listing(), Tables.DIRECTORY_USER.SEQ, DirectoryUser::seq);
        this.mapping = mapping;
        this.patchNormalizer = patchNormalizer;
        this.patchApplier = patchApplier;
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
    public Stored<ScimUser> create(ScimUser resource, AttributeSelection selection) {
        return stored(directoryUsers.create(directoryId(), mapping.toData(resource, null)));
    }

    @Override
    public Optional<Found<ScimUser>> find(String id) {
        return directoryUsers.find(directoryId(), id)
                .map(user -> Found.of(user.version(), locationOf(user), selection -> withGroups(user, selection)));
    }

    @Override
    public Stored<ScimUser> replace(String id, Long expectedVersion, ScimUser resource, AttributeSelection selection) {
        return stored(directoryUsers.update(directoryId(), id, expectedVersion, current -> mapping.toData(resource, current)),
                selection);
    }

    @Override
    public Stored<ScimUser> patch(String id, Long expectedVersion, JsonNode patchRequest, AttributeSelection selection) {
        List<PatchOp> operations = patchNormalizer.normalize(patchRequest);
        return stored(directoryUsers.update(directoryId(), id, expectedVersion,
                current -> mapping.toData(patchApplier.apply(toScim(current), operations), current)), selection);
    }

    @Override
    public void delete(String id, Long expectedVersion) {
        directoryUsers.delete(directoryId(), id, expectedVersion);
    }

    @Override
    public ListPage<ScimUser> list(ListRequest request, AttributeSelection selection) {
        ListPage<DirectoryUser> page = pager.page(directoryId(), filters.toCondition(request.filter()),
                filters.sortKey(request.sortBy(), request.sortOrder()), request.page(), request.fingerprint());
        Map<String, List<UserGroup>> groupsOfPage = groups.of(page.items().stream().map(DirectoryUser::id).toList(), selection);
        return page.map(user -> withGroups(user, groupsOfPage));
    }

    private Stored<ScimUser> stored(DirectoryUser user) {
        return new Stored<>(toScim(user), user.version(), locationOf(user));
    }

    private Stored<ScimUser> stored(DirectoryUser user, AttributeSelection selection) {
        return new Stored<>(withGroups(user, selection), user.version(), locationOf(user));
    }

    private ScimUser withGroups(DirectoryUser user, AttributeSelection selection) {
        return withGroups(user, groups.of(List.of(user.id()), selection));
    }

    /** The user with its read-only {@code groups}, computed, never as a client sent them. */
    private ScimUser withGroups(DirectoryUser user, Map<String, List<UserGroup>> groupsByUser) {
        ScimUser scim = toScim(user);
        List<UserGroup> its = groupsByUser.get(user.id());
        scim.setGroups(its == null || its.isEmpty() ? null : its);
        return scim;
    }

    private ScimUser toScim(DirectoryUser user) {
        return mapping.toScim(user, locationOf(user));
    }

    private static String locationOf(DirectoryUser user) {
        return ScimRequest.current().locationOf(ENDPOINT, user.id());
    }

    private static String directoryId() {
        return ScimRequest.current().directoryId();
    }
}
