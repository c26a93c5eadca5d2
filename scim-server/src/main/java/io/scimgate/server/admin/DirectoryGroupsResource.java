package io.scimgate.server.admin;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.core.ProvisioningCore;
import io.scimgate.core.directory.DirectoryGroupDetails;
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

/** A directory's groups with their member counts: one by id, or pages after a cursor in creation order. */
@Singleton
@Path("directories/{directoryId}/groups")
@Produces(MediaType.APPLICATION_JSON)
public class DirectoryGroupsResource {

    private final ProvisioningCore core;

    @Inject
    public DirectoryGroupsResource(ProvisioningCore core) {
        this.core = core;
    }

    @GET
    public PageView<ObjectNode> list(@PathParam("directoryId") String directoryId, @QueryParam("after") String after,
            @QueryParam("limit") @DefaultValue("20") int limit) {
        return PageView.of(core.directoryDetails().groups(directoryId, after, limit).stream()
                .map(DirectoryGroupDetails::toJson).toList(), limit, group -> group.get("id").asText());
    }

    @GET
    @Path("{groupId}")
    public ObjectNode get(@PathParam("directoryId") String directoryId, @PathParam("groupId") String groupId) {
        return core.directoryDetails().group(directoryId, groupId).toJson();
    }
}
