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
import org.apache.directory.scim.spec.schema.Schema;

/**
 * {@code /Schemas} and {@code /Schemas/{urn}} (RFC 7644 §4), the URN matched ignoring case. Each
 * answer is a fresh copy: SCIMple M1 writes {@code meta} into the shared schema objects on every
 * request, so concurrent requests of two directories could see each other's URLs.
 */
@Path("Schemas")
@Produces({ScimErrors.SCIM_JSON, MediaType.APPLICATION_JSON})
public final class SchemasEndpoint {

    private final SchemaRegistry registry;
    private final DiscoveryDocuments documents;

    public SchemasEndpoint(SchemaRegistry registry, ObjectMapper json) {
        this.registry = registry;
        this.documents = new DiscoveryDocuments(json);
    }

    @GET
    public ObjectNode list(@QueryParam("filter") String filter) {
        DiscoveryDocuments.refuseFilter(filter);
        return documents.list(registry.getAllSchemas(), Schema::getId, this::document);
    }

    @GET
    @Path("{urn}")
    public ObjectNode get(@PathParam("urn") String urn) {
        return documents.one(registry.getAllSchemas(), Schema::getId, urn, this::document, "schema");
    }

    private ObjectNode document(Schema schema) {
        return documents.withMeta(schema, "Schema", ScimRequest.current().baseUrl() + "/Schemas/" + schema.getId());
    }
}
