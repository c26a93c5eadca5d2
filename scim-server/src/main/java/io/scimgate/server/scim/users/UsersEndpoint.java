package io.scimgate.server.scim.users;

import io.scimgate.server.scim.ScimResources;
import io.scimgate.server.scim.endpoint.ResourceEndpoint;
import jakarta.inject.Inject;
import org.apache.directory.scim.core.repository.RepositoryRegistry;
import org.apache.directory.scim.core.schema.SchemaRegistry;
import org.apache.directory.scim.protocol.UserResource;
import org.apache.directory.scim.spec.resources.ScimUser;

/** SCIMple's {@code /Users} endpoint (RFC 7644 §3). */
public class UsersEndpoint extends ResourceEndpoint<ScimUser> implements UserResource {

    @Inject
    public UsersEndpoint(SchemaRegistry schemas, RepositoryRegistry repositories, ScimResources resources) {
        super(schemas, repositories, ScimUser.class, resources);
    }
}
