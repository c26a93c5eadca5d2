package io.scimgate.server.scim.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.server.scim.paging.ListPage;
import io.scimgate.server.scim.projection.AttributeSelection;
import io.scimgate.server.scim.ScimRequest;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.directory.scim.core.repository.Repository;
import org.apache.directory.scim.spec.filter.Filter;
import org.apache.directory.scim.spec.filter.FilterResponse;
import org.apache.directory.scim.spec.filter.PageRequest;
import org.apache.directory.scim.spec.filter.SortRequest;
import org.apache.directory.scim.spec.filter.attribute.AttributeReference;
import org.apache.directory.scim.spec.patch.PatchOperation;
import org.apache.directory.scim.spec.resources.ScimResource;

/**
 * One resource type of the directory the current request authenticated as. Every write is one
 * transaction of the provisioning core; {@code expectedVersion} is the client's {@code If-Match}
 * (null for none) and a stale one fails with 412 without changing anything. An unknown id, or one of
 * another directory, is 404. {@code selection} says which attributes the response will show, so that
 * nothing else needs to be read.
 */
public interface ResourceRepository<T extends ScimResource> extends Repository<T> {

    /** The endpoint's name, e.g. {@code Users}. */
    String endpoint();

    Class<T> resourceClass();

    Stored<T> create(T resource, AttributeSelection selection);

    Optional<Found<T>> find(String id);

    Stored<T> replace(String id, Long expectedVersion, T resource, AttributeSelection selection);

    /**
     * Applies a PatchOp request body. The stored result has no resource when the response may be
     * 204 No Content without reading more (a group's members).
     */
    Stored<T> patch(String id, Long expectedVersion, JsonNode patchRequest, AttributeSelection selection);

    void delete(String id, Long expectedVersion);

    ListPage<T> list(ListRequest request, AttributeSelection selection);

    // SCIMple's Repository contract, in terms of the methods above. Versions are the client's
    // If-Match as the tenant filter read it: SCIMple M1 passes its endpoint's ETag request header.

    @Override
    default Class<T> getResourceClass() {
        return resourceClass();
    }

    @Override
    default T create(T resource) {
        return create(resource, AttributeSelection.DEFAULT).resource();
    }

    @Override
    default T update(String id, String ignoredVersion, T resource, Set<AttributeReference> included,
            Set<AttributeReference> excluded) {
        return replace(id, ifMatch(), resource, AttributeSelection.DEFAULT).resource();
    }

    @Override
    default T patch(String id, String ignoredVersion, List<PatchOperation> operations, Set<AttributeReference> included,
            Set<AttributeReference> excluded) {
        T patched = patch(id, ifMatch(), PatchJson.of(operations), AttributeSelection.DEFAULT).resource();
        return patched != null ? patched : get(id);
    }

    @Override
    default T get(String id) {
        return find(id).map(found -> found.resource(AttributeSelection.DEFAULT)).orElse(null);
    }

    @Override
    default FilterResponse<T> find(Filter filter, PageRequest page, SortRequest sort) {
        ListPage<T> found = list(ListRequest.of(filter == null ? null : filter.getExpression(),
                sort == null ? null : sort.getSortBy(), sort == null ? null : sort.getSortOrder(),
                page == null ? null : page.getStartIndex(), page == null ? null : page.getCount(), null),
                AttributeSelection.DEFAULT);
        return new FilterResponse<>(found.items(), page, found.total());
    }

    @Override
    default void delete(String id) {
        delete(id, ifMatch());
    }

    private static Long ifMatch() {
        return ScimRequest.current().ifMatch().expectedVersion();
    }

    /** A resource found by id: its version is known before the rest of it is read. */
    interface Found<T> {
        long version();

        String location();

        T resource(AttributeSelection selection);

        static <T> Found<T> of(long version, String location, java.util.function.Function<AttributeSelection, T> reader) {
            return new Found<>() {
                @Override
                public long version() {
                    return version;
                }

                @Override
                public String location() {
                    return location;
                }

                @Override
                public T resource(AttributeSelection selection) {
                    return reader.apply(selection);
                }
            };
        }
    }
}
