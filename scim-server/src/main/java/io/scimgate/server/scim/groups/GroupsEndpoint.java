package io.scimgate.server.scim.groups;

import io.scimgate.server.scim.ScimResources;
import io.scimgate.server.scim.endpoint.ResourceEndpoint;
import jakarta.inject.Inject;
import org.apache.directory.scim.core.repository.RepositoryRegistry;
import org.apache.directory.scim.core.schema.SchemaRegistry;
import org.apache.directory.scim.protocol.GroupResource;
import org.apache.directory.scim.spec.resources.ScimGroup;

/** SCIMple's {@code /Groups} endpoint (RFC 7644 §3); PATCH answers 204 unless attributes are asked for. */
public class GroupsEndpoint extends ResourceEndpoint<ScimGroup> implements GroupResource {

    @Inject
    public GroupsEndpoint(SchemaRegistry schemas, RepositoryRegistry repositories, ScimResources resources) {
        super(schemas, repositories, ScimGroup.class, resources);
    }
}
