package io.scimgate.server.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.core.ProvisioningCore;
import io.scimgate.core.directory.DirectoryUserDetails;
import io.scimgate.server.admin.AdminViews.PageView;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * A directory's users as a host app needs them (emails, groups, role, custom attributes, the SCIM
 * document as sent, provisioning state): one by id, or pages after a cursor, of the whole
 * directory or of one group.
 */
@Singleton
@Path("directories/{directoryId}/users")
@Produces(MediaType.APPLICATION_JSON)
public class DirectoryUsersResource {

    private final ProvisioningCore core;

    @Inject
    public DirectoryUsersResource(ProvisioningCore core) {
        this.core = core;
    }

    @GET
    public PageView<ObjectNode> list(@PathParam("directoryId") String directoryId, @QueryParam("group") String groupId,
            @QueryParam("after") String after, @QueryParam("limit") @DefaultValue("20") int limit) {
        List<DirectoryUserDetails> users = core.directoryDetails().users(directoryId, blankToNull(groupId), after, limit);
        return PageView.of(users.stream().map(DirectoryUserDetails::toJson).toList(), limit, user -> user.get("id").asText());
    }

    @GET
    @Path("{directoryUserId}")
    public ObjectNode get(@PathParam("directoryId") String directoryId, @PathParam("directoryUserId") String directoryUserId) {
        return core.directoryDetails().user(directoryId, directoryUserId).toJson();
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
