package io.scimgate.server.scim.users;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimgate.server.scim.endpoint.ResourceEndpoint;
import io.scimgate.server.scim.projection.ResourceProjector;
import jakarta.ws.rs.Path;
import org.apache.directory.scim.spec.resources.ScimUser;

/** {@code /Users} (RFC 7644 §3). */
@Path("Users")
public final class UsersEndpoint extends ResourceEndpoint<ScimUser> {

    public UsersEndpoint(ScimUserRepository repository, ObjectMapper json, ResourceProjector projector) {
        super(repository, json, projector);
    }
}
