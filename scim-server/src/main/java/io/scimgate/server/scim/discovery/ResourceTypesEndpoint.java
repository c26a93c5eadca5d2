package io.scimgate.server.scim.discovery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.server.scim.ScimErrors;
import io.scimgate.server.scim.ScimRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.apache.directory.scim.core.schema.SchemaRegistry;
import org.apache.directory.scim.spec.schema.ResourceType;

/** {@code /ResourceTypes} and {@code /ResourceTypes/{name}} (RFC 7644 §4), fresh copies per request. */
@Path("ResourceTypes")
@Produces({ScimErrors.SCIM_JSON, MediaType.APPLICATION_JSON})
public final class ResourceTypesEndpoint {

    static final String SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";

    private final SchemaRegistry registry;
    private final DiscoveryDocuments documents;

    public ResourceTypesEndpoint(SchemaRegistry registry, ObjectMapper json) {
        this.registry = registry;
        this.documents = new DiscoveryDocuments(json);
    }

    @GET
    public ObjectNode list(@QueryParam("filter") String filter) {
        DiscoveryDocuments.refuseFilter(filter);
        return documents.list(registry.getAllResourceTypes(), ResourceType::getName, this::document);
    }

    @GET
    @Path("{name}")
    public ObjectNode get(@PathParam("name") String name) {
        return documents.one(registry.getAllResourceTypes(), ResourceType::getName, name, this::document, "resource type");
    }

    private ObjectNode document(ResourceType type) {
        ObjectNode document = documents.withMeta(type, "ResourceType",
                ScimRequest.current().baseUrl() + "/ResourceTypes/" + type.getName());
        document.putArray("schemas").add(SCHEMA);
        return document;
    }
}
