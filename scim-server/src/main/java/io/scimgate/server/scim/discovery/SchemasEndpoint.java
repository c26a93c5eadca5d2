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
 * SCIMple's {@code /Schemas} and {@code /Schemas/{urn}} (RFC 7644 §4), the URN matched ignoring case:
 * the RFC 7643 definitions ({@link io.scimgate.server.scim.schema.RfcSchemaCorrections}), each resource
 * type's core schema followed by its extensions, each a SCIM resource with its {@code schemas}. Each
 * answer is a fresh copy: SCIMple M1 writes {@code meta} into the shared schema objects on every
 * request, so concurrent requests of two directories could see each other's URLs.
 */
public class SchemasEndpoint extends SchemaResourceImpl {

    private final ScimResources resources;
    private final DiscoveryDocuments documents;

    @Inject
    public SchemasEndpoint(SchemaRegistry registry, ScimResources resources) {
        super(registry);
        this.resources = resources;
        this.documents = new DiscoveryDocuments(resources.json());
    }

    @Override
    public Response getAllSchemas(String filter, UriInfo uriInfo) {
        DiscoveryDocuments.refuseFilter(filter);
        return Response.ok(documents.list(resources.schemasInOrder(), this::document)).build();
    }

    @Override
    public Response getSchema(String urn, UriInfo uriInfo) {
        return Response.ok(documents.one(resources.schemasInOrder(), Schema::getId, urn, this::document, "schema")).build();
    }

    private ObjectNode document(Schema schema) {
        ObjectNode document = documents.withMeta(schema, "Schema", ScimRequest.current().baseUrl() + "/Schemas/" + schema.getId());
        document.putArray("schemas").add(Schema.SCHEMA_URI);
        return document;
    }
}
