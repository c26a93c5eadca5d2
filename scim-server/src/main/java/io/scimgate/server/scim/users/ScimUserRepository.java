package io.scimgate.server.scim.users;

import io.scimgate.core.directory.DirectoryUser;
import io.scimgate.core.directory.DirectoryUsers;
import io.scimgate.core.directory.Page;
import io.scimgate.server.scim.ScimProblem;
import io.scimgate.server.scim.ScimRequest;
import io.scimgate.server.scim.filter.FilterTranslator;
import io.scimgate.server.scim.filter.UserFilters;
import java.util.List;
import java.util.Set;
import org.apache.directory.scim.core.repository.PatchHandler;
import org.apache.directory.scim.core.repository.Repository;
import org.apache.directory.scim.spec.exception.MutabilityException;
import org.apache.directory.scim.spec.exception.UnsupportedFilterException;
import org.apache.directory.scim.spec.extension.EnterpriseExtension;
import org.apache.directory.scim.spec.filter.Filter;
import org.apache.directory.scim.spec.filter.FilterResponse;
import org.apache.directory.scim.spec.filter.PageRequest;
import org.apache.directory.scim.spec.filter.SortRequest;
import org.apache.directory.scim.spec.filter.attribute.AttributeReference;
import org.apache.directory.scim.spec.patch.PatchOperation;
import org.apache.directory.scim.spec.resources.ScimExtension;
import org.apache.directory.scim.spec.resources.ScimUser;
import org.jooq.OrderField;

/**
 * SCIMple's repository for Users, storing them as directory users of the directory the request
 * authenticated as. The {@code version} SCIMple passes comes from the request's {@code ETag}
 * header (an M1 defect); the client's real precondition is its {@code If-Match}, read from the
 * request context.
 */
public final class ScimUserRepository implements Repository<ScimUser> {

    static final String ENDPOINT = "Users";

    private final DirectoryUsers directoryUsers;
    private final ScimUserMapping mapping;
    private final PatchHandler patchHandler;
    private final FilterTranslator filters = UserFilters.translator();
    private final int maxResults;

    public ScimUserRepository(DirectoryUsers directoryUsers, ScimUserMapping mapping, PatchHandler patchHandler,
            int maxResults) {
        this.directoryUsers = directoryUsers;
        this.mapping = mapping;
        this.patchHandler = patchHandler;
        this.maxResults = maxResults;
    }

    @Override
    public Class<ScimUser> getResourceClass() {
        return ScimUser.class;
    }

    @Override
    public List<Class<? extends ScimExtension>> getExtensionList() {
        return List.of(EnterpriseExtension.class);
    }

    @Override
    public ScimUser create(ScimUser resource) {
        requireBody(resource);
        ScimRequest request = ScimRequest.current();
        DirectoryUser created = directoryUsers.create(request.directoryId(), mapping.toData(resource, null));
        return toScim(request, created);
    }

    @Override
    public ScimUser update(String id, String ignoredVersion, ScimUser resource, Set<AttributeReference> included,
            Set<AttributeReference> excluded) {
        requireBody(resource);
        ScimRequest request = ScimRequest.current();
        DirectoryUser updated = directoryUsers.update(request.directoryId(), id, request.ifMatch().expectedVersion(),
                current -> mapping.toData(resource, current));
        return toScim(request, updated);
    }

    @Override
    public ScimUser patch(String id, String ignoredVersion, List<PatchOperation> operations,
            Set<AttributeReference> included, Set<AttributeReference> excluded) {
        if (operations == null || operations.isEmpty()) {
            throw ScimProblem.invalidValue("A PATCH request needs at least one operation in Operations");
        }
        ScimRequest request = ScimRequest.current();
        DirectoryUser updated = directoryUsers.update(request.directoryId(), id, request.ifMatch().expectedVersion(),
                current -> mapping.toData(applyPatch(toScim(request, current), operations), current));
        return toScim(request, updated);
    }

    @Override
    public ScimUser get(String id) {
        ScimRequest request = ScimRequest.current();
        return directoryUsers.find(request.directoryId(), id).map(user -> toScim(request, user)).orElse(null);
    }

    @Override
    public FilterResponse<ScimUser> find(Filter filter, PageRequest pageRequest, SortRequest sortRequest) {
        ScimRequest request = ScimRequest.current();
        int startIndex = pageRequest == null || pageRequest.getStartIndex() == null || pageRequest.getStartIndex() < 1
                ? 1 : pageRequest.getStartIndex();
        Integer requested = pageRequest == null ? null : pageRequest.getCount();
        int count = requested == null ? maxResults : Math.max(0, Math.min(requested, maxResults));
        List<OrderField<?>> order = sortRequest == null || sortRequest.getSortBy() == null
                ? List.of()
                : List.of(filters.orderBy(sortRequest.getSortBy(), sortRequest.getSortOrder()));
        Page<DirectoryUser> page = directoryUsers.find(request.directoryId(),
                filters.toCondition(filter == null ? null : filter.getExpression()), order, startIndex - 1, count);
        PageRequest served = new PageRequest();
        served.setStartIndex(startIndex);
        served.setCount(count);
        request.recordTotal(page.total());
        return new FilterResponse<>(page.items().stream().map(user -> toScim(request, user)).toList(), served, page.total());
    }

    @Override
    public void delete(String id) {
        ScimRequest request = ScimRequest.current();
        directoryUsers.delete(request.directoryId(), id, request.ifMatch().expectedVersion());
    }

    private ScimUser applyPatch(ScimUser user, List<PatchOperation> operations) {
        try {
            return patchHandler.apply(user, operations);
        } catch (MutabilityException e) {
            throw ScimProblem.mutability(e.getMessage());
        } catch (UnsupportedFilterException | IllegalArgumentException | NullPointerException | ClassCastException e) {
            // SCIMple M1 fails on paths it cannot resolve with these instead of a SCIM error.
            throw ScimProblem.invalidPath("The PATCH path or value cannot be applied to a User: "
                    + (e.getMessage() == null ? describe(operations) : e.getMessage()));
        }
    }

    private static String describe(List<PatchOperation> operations) {
        return operations.stream()
                .map(operation -> operation.getOperation() + " " + (operation.getPath() == null ? "(no path)" : operation.getPath()))
                .toList()
                .toString();
    }

    private ScimUser toScim(ScimRequest request, DirectoryUser user) {
        return mapping.toScim(user, request.locationOf(ENDPOINT, user.id()));
    }

    private static void requireBody(ScimUser resource) {
        if (resource == null) {
            throw ScimProblem.invalidSyntax("The request body must be a SCIM User resource");
        }
    }
}
