package io.scimgate.server.scim.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.server.scim.ScimProblem;
import io.scimgate.server.scim.ScimResources;
import io.scimgate.server.scim.paging.ListPage;
import io.scimgate.server.scim.paging.PageSpec;
import io.scimgate.server.scim.projection.AttributeSelection;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import org.apache.directory.scim.protocol.data.SearchRequest;
import org.apache.directory.scim.spec.resources.ScimResource;

/**
 * {@code POST /.search} at the directory's root (RFC 7644 §3.4.3): one query over every resource type,
 * Users first, then Groups. The filter applies to each type; a type that does not have an attribute it
 * names contributes nothing (a filter no type understands is {@code invalidFilter}). Pages by
 * {@code startIndex} over the types in that order; {@code sortBy} sorts within each type that has the
 * attribute; {@code attributes} select within each type. Cursor paging is per resource type and is
 * {@code 400} here.
 */
@Path(".search")
public class RootSearchEndpoint {

    private final ScimResources resources;

    @Inject
    public RootSearchEndpoint(ScimResources resources) {
        this.resources = resources;
    }

    @POST
    @Consumes({"application/scim+json", MediaType.APPLICATION_JSON})
    @Produces({"application/scim+json", MediaType.APPLICATION_JSON})
    public Response search(SearchRequest search) {
        JsonNode body = RawRequests.body(search);
        if (body == null || !body.isObject()) {
            throw ScimProblem.invalidSyntax("The request body must be a SearchRequest object");
        }
        ListRequest request = ListRequest.of(body);
        if (request.page().byCursor()) {
            throw ScimProblem.invalidValue("A search across resource types pages by startIndex; page by cursor on /Users or /Groups");
        }
        List<Part<?>> parts = new ArrayList<>();
        ScimProblem refused = null;
        for (ResourceRepository<? extends ScimResource> repository : resources.all()) {
            try {
                parts.add(new Part<>(repository, request, body));
            } catch (ScimProblem problem) {
                if (!"invalidFilter".equals(problem.scimType())) {
                    throw problem;
                }
                refused = refused == null ? problem : refused;
            }
        }
        if (parts.isEmpty()) {
            throw refused;
        }
        int total = parts.stream().mapToInt(Part::total).sum();
        List<ObjectNode> items = new ArrayList<>();
        int skip = request.page().startIndex() - 1;
        int wanted = request.page().count();
        for (Part<?> part : parts) {
            if (wanted <= 0) {
                break;
            }
            if (skip >= part.total()) {
                skip -= part.total();
                continue;
            }
            int take = Math.min(wanted, part.total() - skip);
            items.addAll(part.page(skip, take));
            wanted -= take;
            skip = 0;
        }
        ListPage<ObjectNode> page = new ListPage<>(items, total, request.page().startIndex(), null, null);
        return Response.ok(ListResponses.of(resources.json(), page, item -> item)).build();
    }

    /** The matches of one resource type: their number, and any slice of them rendered. */
    private final class Part<T extends ScimResource> {
        private final ResourceRepository<T> repository;
        private final ListRequest request;
        private final AttributeSelection selection;
        private final int total;

        Part(ResourceRepository<T> repository, ListRequest request, JsonNode body) {
            this.repository = repository;
            this.selection = AttributeSelection.of(strings(body, "attributes"), strings(body, "excludedAttributes"),
                    repository.paths());
            ListRequest sorted = sortable(repository, request);
            this.request = sorted;
            this.total = repository.list(withPage(sorted, 1, 0), selection).total();
        }

        int total() {
            return total;
        }

        List<ObjectNode> page(int skip, int take) {
            return repository.list(withPage(request, skip + 1, take), selection).items().stream()
                    .map(item -> resources.render(repository.resourceClass(), item, selection))
                    .toList();
        }
    }

    /** The request, without its sortBy when this resource type cannot sort by it. */
    private static ListRequest sortable(ResourceRepository<?> repository, ListRequest request) {
        if (request.sortBy() == null) {
            return request;
        }
        try {
            repository.list(withPage(request, 1, 0), AttributeSelection.DEFAULT);
            return request;
        } catch (ScimProblem problem) {
            if (!"invalidValue".equals(problem.scimType())) {
                throw problem;
            }
            return new ListRequest(request.filter(), null, null, request.page());
        }
    }

    private static ListRequest withPage(ListRequest request, int startIndex, int count) {
        return new ListRequest(request.filter(), request.sortBy(), request.sortOrder(), PageSpec.of(startIndex, count, null));
    }

    private static List<String> strings(JsonNode body, String name) {
        return ResourceEndpoint.strings(body, name);
    }
}
