package io.scimgate.server.scim.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.server.scim.paging.ListPage;
import io.scimgate.server.scim.projection.AttributeSelection;
import java.util.Optional;
import org.apache.directory.scim.spec.resources.ScimResource;

/**
 * One resource type of the directory the current request authenticated as. Every write is one
 * transaction of the provisioning core; {@code expectedVersion} is the client's {@code If-Match}
 * (null for none) and a stale one fails with 412 without changing anything. An unknown id, or one of
 * another directory, is 404. {@code selection} says which attributes the response will show, so that
 * nothing else needs to be read.
 */
public interface ResourceRepository<T extends ScimResource> {

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
