package io.scimgate.server.scim.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.server.scim.ScimRequest;
import io.scimgate.server.scim.paging.ListPage;
import io.scimgate.server.scim.projection.AttributeSelection;
import io.scimgate.server.scim.schema.SchemaPaths;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.directory.scim.core.repository.Repository;
import org.apache.directory.scim.spec.filter.Filter;
import org.apache.directory.scim.spec.filter.FilterResponse;
import org.apache.directory.scim.spec.filter.PageRequest;
import org.apache.directory.scim.spec.filter.SortRequest;
import org.apache.directory.scim.spec.filter.attribute.AttributeReference;
import org.apache.directory.scim.spec.patch.PatchOperation;
import org.apache.directory.scim.spec.resources.ScimResource;

/**
 * One resource type of the directory the current request authenticated as, read and written as
 * SCIM documents (JSON as the client sent it, normalised; extensions the server does not define
 * included). Every write is one transaction of the provisioning core; {@code expectedVersion} is the
 * client's {@code If-Match} (null for none) and a stale one fails with 412 without changing
 * anything. An unknown id, or one of another directory, is 404. {@code selection} says which
 * attributes the response will show, so that nothing else needs to be read.
 *
 * <p>SCIMple's {@link Repository} contract is kept on top, in its own types.
 */
public interface ResourceRepository<T extends ScimResource> extends Repository<T> {

    /** The endpoint's name, e.g. {@code Users}. */
    String endpoint();

    Class<T> resourceClass();

    /** The resolver of this resource type's attribute paths. */
    SchemaPaths paths();

    /** @param body the resource as the client sent it */
    Stored create(JsonNode body, AttributeSelection selection);

    Optional<Found> find(String id);

    Stored replace(String id, Long expectedVersion, JsonNode body, AttributeSelection selection);

    /**
     * Applies a PatchOp request body. The stored result has no resource when the response may be
     * 204 No Content without reading more (a group's members).
     */
    Stored patch(String id, Long expectedVersion, JsonNode patchRequest, AttributeSelection selection);

    void delete(String id, Long expectedVersion);

    ListPage<ObjectNode> list(ListRequest request, AttributeSelection selection);

    /** The mapper binding documents to SCIMple's types, for SCIMple's contract. */
    ObjectMapper json();

    // SCIMple's Repository contract, in terms of the methods above. Versions are the client's
    // If-Match as the tenant filter read it: SCIMple M1 passes its endpoint's ETag request header.

    /** A document as SCIMple's type; its meta is set by hand, since SCIMple models timestamps without zone. */
    T toScimple(ObjectNode document);

    @Override
    default Class<T> getResourceClass() {
        return resourceClass();
    }

    @Override
    default T create(T resource) {
        return toScimple(create(json().valueToTree(resource), AttributeSelection.DEFAULT).resource());
    }

    @Override
    default T update(String id, String ignoredVersion, T resource, Set<AttributeReference> included,
            Set<AttributeReference> excluded) {
        return toScimple(replace(id, ifMatch(), json().valueToTree(resource), AttributeSelection.DEFAULT).resource());
    }

    @Override
    default T patch(String id, String ignoredVersion, List<PatchOperation> operations, Set<AttributeReference> included,
            Set<AttributeReference> excluded) {
        ObjectNode patched = patch(id, ifMatch(), PatchJson.of(operations), AttributeSelection.DEFAULT).resource();
        return patched != null ? toScimple(patched) : get(id);
    }

    @Override
    default T get(String id) {
        return find(id).map(found -> toScimple(found.resource(AttributeSelection.DEFAULT))).orElse(null);
    }

    @Override
    default FilterResponse<T> find(Filter filter, PageRequest page, SortRequest sort) {
        ListPage<ObjectNode> found = list(ListRequest.of(filter == null ? null : filter.getExpression(),
                sort == null ? null : sort.getSortBy(), sort == null ? null : sort.getSortOrder(),
                page == null ? null : page.getStartIndex(), page == null ? null : page.getCount(), null),
                AttributeSelection.DEFAULT);
        return new FilterResponse<>(found.items().stream().map(this::toScimple).toList(), page, found.total());
    }

    @Override
    default void delete(String id) {
        delete(id, ifMatch());
    }

    private static Long ifMatch() {
        return ScimRequest.current().ifMatch().expectedVersion();
    }

    /** A resource found by id: its version is known before the rest of it is read. */
    interface Found {
        long version();

        String location();

        ObjectNode resource(AttributeSelection selection);

        static Found of(long version, String location, Function<AttributeSelection, ObjectNode> reader) {
            return new Found() {
                @Override
                public long version() {
                    return version;
                }

                @Override
                public String location() {
                    return location;
                }

                @Override
                public ObjectNode resource(AttributeSelection selection) {
                    return reader.apply(selection);
                }
            };
        }
    }
}
