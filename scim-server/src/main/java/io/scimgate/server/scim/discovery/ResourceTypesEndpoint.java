package io.scimgate.server.scim.discovery;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.server.scim.ScimResources;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import org.apache.directory.scim.server.rest.ResourceTypesResourceImpl;
import io.scimgate.server.scim.ScimRequest;
import org.apache.directory.scim.core.schema.SchemaRegistry;
import org.apache.directory.scim.spec.schema.ResourceType;

/**
 * SCIMple's {@code /ResourceTypes} and {@code /ResourceTypes/{name}} (RFC 7644 §4), User first, in the
 * order {@link ScimResources} serves them, answered with fresh copies per request: SCIMple M1 writes
 * each request's {@code meta} into shared objects.
 */
public class ResourceTypesEndpoint extends ResourceTypesResourceImpl {

    static final String SCHEMA = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";

    private final ScimResources resources;
    private final DiscoveryDocuments documents;

    @Inject
    public ResourceTypesEndpoint(SchemaRegistry registry, ScimResources resources) {
        super(registry);
        this.resources = resources;
        this.documents = new DiscoveryDocuments(resources.json());
    }

    @Override
    public Response getAllResourceTypes(String filter) {
        DiscoveryDocuments.refuseFilter(filter);
        return Response.ok(documents.list(resources.resourceTypesInOrder(), this::document)).build();
    }

    @Override
    public Response getResourceType(String name) {
        return Response.ok(documents.one(resources.resourceTypesInOrder(), ResourceType::getName, name, this::document,
                "resource type")).build();
    }

    private ObjectNode document(ResourceType type) {
        ObjectNode document = documents.withMeta(type, "ResourceType",
                ScimRequest.current().baseUrl() + "/ResourceTypes/" + type.getName());
        document.putArray("schemas").add(SCHEMA);
        return document;
    }
}
