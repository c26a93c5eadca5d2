package io.scimgate.server.scim.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.server.scim.IfMatch;
import io.scimgate.server.scim.ScimProblem;
import io.scimgate.server.scim.ScimRequest;
import io.scimgate.server.scim.json.JsonFields;
import io.scimgate.server.scim.paging.ListPage;
import io.scimgate.server.scim.projection.AttributeSelection;
import io.scimgate.server.scim.ScimResources;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.apache.directory.scim.core.repository.RepositoryRegistry;
import org.apache.directory.scim.core.schema.SchemaRegistry;
import org.apache.directory.scim.protocol.adapter.FilterWrapper;
import org.apache.directory.scim.protocol.data.PatchRequest;
import org.apache.directory.scim.protocol.data.SearchRequest;
import org.apache.directory.scim.server.rest.BaseResourceTypeResourceImpl;
import org.apache.directory.scim.spec.filter.SortOrder;
import org.apache.directory.scim.spec.filter.attribute.AttributeReference;
import org.apache.directory.scim.spec.filter.attribute.AttributeReferenceListWrapper;
import org.apache.directory.scim.spec.resources.ScimResource;

/**
 * SCIMple's endpoint for one resource type (RFC 7644 §3), wired as an HK2 singleton: the JAX-RS
 * contract is SCIMple's ({@code UserResource}, {@code GroupResource}), and every method is served
 * here instead of by SCIMple M1's implementation, which cannot page by cursor, compares If-Match
 * against the wrong header, answers 304 to a failed If-Match, cannot tell its repository which
 * attributes a response needs, and always returns the whole resource after PATCH. Query parameters
 * SCIMple parses lossily ({@code attributes} with value paths) are read as sent; the filter arrives
 * parsed by {@link io.scimgate.server.scim.filter.FilterParamConverter}.
 */
public abstract class ResourceEndpoint<T extends ScimResource> extends BaseResourceTypeResourceImpl<T> {

    private final ResourceRepository<T> repository;
    private final ObjectMapper json;
    private final ScimResources resources;

    protected ResourceEndpoint(SchemaRegistry schemas, RepositoryRegistry repositories, Class<T> resourceClass,
            ScimResources resources) {
        super(schemas, repositories, resourceClass);
        this.repository = resources.repository(resourceClass);
        this.json = resources.json();
        this.resources = resources;
    }

    @Override
    public Response getById(String id, AttributeReferenceListWrapper attributes,
            AttributeReferenceListWrapper excludedAttributes) {
        AttributeSelection selection = selection();
        ResourceRepository.Found found = repository.find(id).orElseThrow(() -> notFound(id));
        EntityTag tag = tag(found.version());
        if (IfMatch.anyMatches(ScimRequest.current().header(HttpHeaders.IF_NONE_MATCH), found.version())) {
            return Response.notModified(tag).location(URI.create(found.location())).build();
        }
        IfMatch ifMatch = ScimRequest.current().ifMatch();
        if (ifMatch.present() && ifMatch.expectedVersion() != null && ifMatch.expectedVersion() != found.version()) {
            throw new ScimProblem(412, null, repository.resourceClass().getSimpleName().replace("Scim", "") + " " + id
                    + " is at version " + tag + ", not the one If-Match names");
        }
        return resource(Response.Status.OK, found.resource(selection), found.version(), found.location(), selection);
    }

    @Override
    public Response query(AttributeReferenceListWrapper attributes, AttributeReferenceListWrapper excludedAttributes,
            FilterWrapper filter, AttributeReference sortBy, SortOrder sortOrder, Integer startIndex, Integer count) {
        return list(ListRequest.of(filter == null ? null : filter.getFilter().getExpression(), sortBy, sortOrder,
                        startIndex, count, parameter("cursor")),
                selection());
    }

    @Override
    public Response find(SearchRequest search) {
        JsonNode request = RawRequests.body(search);
        if (request == null || !request.isObject()) {
            throw ScimProblem.invalidSyntax("The request body must be a SearchRequest object");
        }
        return list(ListRequest.of(request), AttributeSelection.of(strings(request, "attributes"),
                strings(request, "excludedAttributes"), repository.paths()));
    }

    @Override
    public Response create(T resource, AttributeReferenceListWrapper attributes,
            AttributeReferenceListWrapper excludedAttributes) {
        AttributeSelection selection = selection();
        Stored created = repository.create(requireBody(resource), selection);
        return resource(Response.Status.CREATED, created.resource(), created.version(), created.location(), selection);
    }

    @Override
    public Response update(T resource, String id, AttributeReferenceListWrapper attributes,
            AttributeReferenceListWrapper excludedAttributes) {
        AttributeSelection selection = selection();
        Stored replaced = repository.replace(id, ifMatch(), requireBody(resource), selection);
        return resource(Response.Status.OK, replaced.resource(), replaced.version(), replaced.location(), selection);
    }

    @Override
    public Response patch(PatchRequest patch, String id, AttributeReferenceListWrapper attributes,
            AttributeReferenceListWrapper excludedAttributes) {
        JsonNode request = RawRequests.body(patch);
        if (request == null || !request.isObject()) {
            throw ScimProblem.invalidSyntax("The request body must be a PatchOp object");
        }
        AttributeSelection selection = selection();
        Stored patched = repository.patch(id, ifMatch(), request, selection);
        if (patched.resource() == null || ScimRequest.current().profile().patchAnswersNoContent(selection)) {
            return Response.noContent().tag(tag(patched.version())).build();
        }
        return resource(Response.Status.OK, patched.resource(), patched.version(), patched.location(), selection);
    }

    @Override
    public Response delete(String id) {
        repository.delete(id);
        return Response.noContent().build();
    }

    /** {@code attributes}/{@code excludedAttributes} as sent: SCIMple's wrapper splits value paths apart. */
    private AttributeSelection selection() {
        return AttributeSelection.parse(parameter("attributes"), parameter("excludedAttributes"), repository.paths());
    }

    private static String parameter(String name) {
        return ScimRequest.current().queryParameter(name);
    }

    private Response list(ListRequest request, AttributeSelection selection) {
        ListPage<ObjectNode> page = repository.list(request, selection);
        return Response.ok(ListResponses.of(json, page, item -> render(item, selection))).build();
    }

    private Response resource(Response.Status status, ObjectNode resource, long version, String location,
            AttributeSelection selection) {
        ObjectNode body = render(resource, selection);
        // The ETag as text: an EntityTag would be printed again by Jersey's header provider on every
        // answer. The location stays a URI: Jersey reads it back as one, twice per answer.
        return Response.status(status).entity(body).header(HttpHeaders.ETAG, IfMatch.etagOf(version))
                .location(URI.create(location)).build();
    }

    private ObjectNode render(ObjectNode resource, AttributeSelection selection) {
        return resources.render(repository.resourceClass(), resource, selection);
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

    private JsonNode requireBody(T resource) {
        JsonNode body = RawRequests.body(resource);
        if (body == null || !body.isObject()) {
            throw ScimProblem.invalidSyntax("The request body must be a SCIM "
                    + repository.endpoint().replaceAll("s$", "") + " resource, a JSON object");
        }
        return body;
    }

    static List<String> strings(JsonNode request, String name) {
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
