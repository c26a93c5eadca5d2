package io.scimgate.server.scim.users;

import io.scimgate.server.scim.ScimRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.apache.directory.scim.core.repository.RepositoryRegistry;
import org.apache.directory.scim.core.schema.SchemaRegistry;
import org.apache.directory.scim.protocol.data.ListResponse;
import org.apache.directory.scim.protocol.data.SearchRequest;
import org.apache.directory.scim.protocol.exception.ScimException;
import org.apache.directory.scim.server.rest.UserResourceImpl;
import org.apache.directory.scim.spec.exception.ResourceException;

/** SCIMple's /Users endpoint, with its list responses corrected. */
public class UsersEndpoint extends UserResourceImpl {

    @Inject
    public UsersEndpoint(SchemaRegistry schemaRegistry, RepositoryRegistry repositoryRegistry) {
        super(schemaRegistry, repositoryRegistry);
    }

    /**
     * SCIMple M1 answers {@code totalResults: 0} and no {@code Resources} whenever a page is empty,
     * even when the query matched resources ({@code count=0}, or {@code startIndex} past the end).
     * Entra's connection test expects {@code Resources: []}.
     */
    @Override
    public Response find(SearchRequest request) throws ScimException, ResourceException {
        Response response = super.find(request);
        if (response.getEntity() instanceof ListResponse<?> list
                && (list.getResources() == null || list.getResources().isEmpty())) {
            list.setTotalResults(ScimRequest.current().lastTotal());
            list.setResources(List.of());
            list.setItemsPerPage(0);
            Integer startIndex = request.getStartIndex();
            list.setStartIndex(startIndex == null || startIndex < 1 ? 1 : startIndex);
        }
        return response;
    }
}
