package io.scimgate.server.scim.discovery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.server.scim.ScimResources;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.apache.directory.scim.server.rest.SchemaResourceImpl;
import io.scimgate.server.scim.ScimRequest;
import org.apache.directory.scim.core.schema.SchemaRegistry;
import org.apache.directory.scim.spec.schema.Schema;

/**
 * SCIMple's {@code /Schemas} and {@code /Schemas/{urn}} (RFC 7644 §4), the URN matched ignoring case. Each
 * answer is a fresh copy: SCIMple M1 writes {@code meta} into the shared schema objects on every
 * request, so concurrent requests of two directories could see each other's URLs.
 */
public class SchemasEndpoint extends SchemaResourceImpl {

    private final SchemaRegistry registry;
    private final DiscoveryDocuments documents;

    @Inject
    public SchemasEndpoint(SchemaRegistry registry, ScimResources resources) {
        super(registry);
        this.registry = registry;
        this.documents = new DiscoveryDocuments(resources.json());
    }

    @Override
    public Response getAllSchemas(String filter, UriInfo uriInfo) {
        DiscoveryDocuments.refuseFilter(filter);
        return Response.ok(documents.list(registry.getAllSchemas(), Schema::getId, this::document)).build();
    }

    @Override
    public Response getSchema(String urn, UriInfo uriInfo) {
        return Response.ok(documents.one(registry.getAllSchemas(), Schema::getId, urn, this::document, "schema")).build();
    }

    private ObjectNode document(Schema schema) {
        return documents.withMeta(schema, "Schema", ScimRequest.current().baseUrl() + "/Schemas/" + schema.getId());
    }
}
