package io.scimgate.server.scim.groups;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimgate.server.scim.endpoint.ResourceEndpoint;
import io.scimgate.server.scim.projection.ResourceProjector;
import jakarta.ws.rs.Path;
import org.apache.directory.scim.spec.resources.ScimGroup;

/** {@code /Groups} (RFC 7644 §3); PATCH answers 204 unless attributes are asked for. */
@Path("Groups")
public final class GroupsEndpoint extends ResourceEndpoint<ScimGroup> {

    public GroupsEndpoint(ScimGroupRepository repository, ObjectMapper json, ResourceProjector projector) {
        super(repository, json, projector);
    }
}
