package io.scimgate.server.scim.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.server.scim.IfMatch;
import io.scimgate.server.scim.ScimErrors;
import io.scimgate.server.scim.ScimProblem;
import io.scimgate.server.scim.ScimRequest;
import io.scimgate.server.scim.json.JsonFields;
import io.scimgate.server.scim.paging.ListPage;
import io.scimgate.server.scim.projection.AttributeSelection;
import io.scimgate.server.scim.projection.ResourceProjector;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.apache.directory.scim.spec.resources.ScimResource;

/**
 * The HTTP side of one SCIM resource type (RFC 7644 §3): create, read, query (GET and
 * {@code POST /.search}, index or cursor paged), replace, patch and delete, every read shaped by
 * {@code attributes}/{@code excludedAttributes}. It replaces SCIMple M1's endpoint, which cannot page
 * by cursor, compares If-Match against the wrong header, answers 304 to a failed If-Match, cannot tell
 * its repository which attributes a response needs, and always returns the whole resource after PATCH.
 */
@Produces({ScimErrors.SCIM_JSON, MediaType.APPLICATION_JSON})
public abstract class ResourceEndpoint<T extends ScimResource> {

    static final String LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

    private final ResourceRepository<T> repository;
    private final ObjectMapper json;
    private final ResourceProjector projector;

    protected ResourceEndpoint(ResourceRepository<T> repository, ObjectMapper json, ResourceProjector projector) {
        this.repository = repository;
        this.json = json;
        this.projector = projector;
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id, @QueryParam("attributes") String attributes,
            @QueryParam("excludedAttributes") String excludedAttributes, @Context HttpHeaders headers) {
        AttributeSelection selection = AttributeSelection.parse(attributes, excludedAttributes);
        ResourceRepository.Found<T> found = repository.find(id).orElseThrow(() -> notFound(id));
        EntityTag tag = tag(found.version());
        if (IfMatch.anyMatches(headers.getHeaderString(HttpHeaders.IF_NONE_MATCH), found.version())) {
            return Response.notModified(tag).location(URI.create(found.location())).build();
        }
        IfMatch ifMatch = ScimRequest.current().ifMatch();
        if (ifMatch.present() && ifMatch.expectedVersion() != null && ifMatch.expectedVersion() != found.version()) {
            throw new ScimProblem(412, null, repository.resourceClass().getSimpleName().replace("Scim", "") + " " + id
                    + " is at version " + tag + ", not the one If-Match names");
        }
        return resource(Response.Status.OK, found.resource(selection), found.version(), found.location(), selection);
    }

    @GET
    public Response query(@QueryParam("filter") String filter, @QueryParam("sortBy") String sortBy,
            @QueryParam("sortOrder") String sortOrder, @QueryParam("startIndex") Integer startIndex,
            @QueryParam("count") Integer count, @QueryParam("cursor") String cursor,
            @QueryParam("attributes") String attributes, @QueryParam("excludedAttributes") String excludedAttributes) {
        return list(ListRequest.of(filter, sortBy, sortOrder, startIndex, count, cursor),
                AttributeSelection.parse(attributes, excludedAttributes));
    }

    @POST
    @Path(".search")
    @Consumes({ScimErrors.SCIM_JSON, MediaType.APPLICATION_JSON})
    public Response search(JsonNode request) {
        if (request == null || !request.isObject()) {
            throw ScimProblem.invalidSyntax("The request body must be a SearchRequest object");
        }
        return list(ListRequest.of(request),
                AttributeSelection.of(strings(request, "attributes"), strings(request, "excludedAttributes")));
    }

    @POST
    @Consumes({ScimErrors.SCIM_JSON, MediaType.APPLICATION_JSON})
    public Response create(T resource, @QueryParam("attributes") String attributes,
            @QueryParam("excludedAttributes") String excludedAttributes) {
        AttributeSelection selection = AttributeSelection.parse(attributes, excludedAttributes);
        Stored<T> created = repository.create(requireBody(resource), selection);
        return resource(Response.Status.CREATED, created.resource(), created.version(), created.location(), selection);
    }

    @PUT
    @Path("{id}")
    @Consumes({ScimErrors.SCIM_JSON, MediaType.APPLICATION_JSON})
    public Response replace(T resource, @PathParam("id") String id, @QueryParam("attributes") String attributes,
            @QueryParam("excludedAttributes") String excludedAttributes) {
        AttributeSelection selection = AttributeSelection.parse(attributes, excludedAttributes);
        Stored<T> replaced = repository.replace(id, ifMatch(), requireBody(resource), selection);
        return resource(Response.Status.OK, replaced.resource(), replaced.version(), replaced.location(), selection);
    }

    @PATCH
    @Path("{id}")
    @Consumes({ScimErrors.SCIM_JSON, MediaType.APPLICATION_JSON})
    public Response patch(JsonNode request, @PathParam("id") String id, @QueryParam("attributes") String attributes,
            @QueryParam("excludedAttributes") String excludedAttributes) {
        if (request == null || !request.isObject()) {
            throw ScimProblem.invalidSyntax("The request body must be a PatchOp object");
        }
        AttributeSelection selection = AttributeSelection.parse(attributes, excludedAttributes);
        Stored<T> patched = repository.patch(id, ifMatch(), request, selection);
        if (patched.resource() == null) {
            return Response.noContent().tag(tag(patched.version())).build();
        }
        return resource(Response.Status.OK, patched.resource(), patched.version(), patched.location(), selection);
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        repository.delete(id, ifMatch());
        return Response.noContent().build();
    }

    private Response list(ListRequest request, AttributeSelection selection) {
        ListPage<T> page = repository.list(request, selection);
        ObjectNode body = json.createObjectNode();
        body.putArray("schemas").add(LIST_SCHEMA);
        body.put("totalResults", page.total());
        body.put("itemsPerPage", page.items().size());
        if (page.startIndex() != null) {
            body.put("startIndex", page.startIndex());
        }
        if (page.previousCursor() != null) {
            body.put("previousCursor", page.previousCursor());
        }
        if (page.nextCursor() != null) {
            body.put("nextCursor", page.nextCursor());
        }
        ArrayNode resources = body.putArray("Resources");
        page.items().forEach(item -> resources.add(projector.project(json.valueToTree(item), selection)));
        return Response.ok(body).build();
    }

    private Response resource(Response.Status status, T resource, long version, String location,
            AttributeSelection selection) {
        ObjectNode body = projector.project(json.valueToTree(resource), selection);
        return Response.status(status).entity(body).tag(tag(version)).location(URI.create(location)).build();
    }

    private RuntimeException notFound(String id) {
        return new ScimProblem(404, null, "No " + repository.endpoint().replaceAll("s$", "").toLowerCase()
                + " with id " + id + " in this directory");
    }

    private static Long ifMatch() {
        return ScimRequest.current().ifMatch().expectedVersion();
    }

    private static EntityTag tag(long version) {
        return new EntityTag(Long.toString(version), true);
    }

    private T requireBody(T resource) {
        if (resource == null) {
            throw ScimProblem.invalidSyntax("The request body must be a SCIM "
                    + repository.endpoint().replaceAll("s$", "") + " resource");
        }
        return resource;
    }

    private static List<String> strings(JsonNode request, String name) {
        JsonNode value = JsonFields.field(request, name);
        List<String> strings = new ArrayList<>();
        if (value == null || value.isNull()) {
            return strings;
        }
        if (value.isTextual()) {
            strings.add(value.asText());
        } else if (value.isArray()) {
            value.forEach(item -> strings.add(item.asText()));
        } else {
            throw ScimProblem.invalidValue(name + " must be a list of attribute names");
        }
        return strings;
    }
}
