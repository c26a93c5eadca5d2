package io.scimgate.server.admin;

import io.scimgate.core.ProvisioningCore;
import io.scimgate.core.user.User;
import io.scimgate.server.admin.AdminViews.PageView;
import io.scimgate.server.admin.AdminViews.UserView;
import io.scimgate.server.admin.AdminViews.UserWithMembershipsView;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** Users as the provisioning rules made them, with their memberships. */
@Singleton
@Path("users")
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

    private final ProvisioningCore core;

    @Inject
    public UsersResource(ProvisioningCore core) {
        this.core = core;
    }

    @GET
    public PageView<UserView> list(@QueryParam("email") String email, @QueryParam("after") String after,
            @QueryParam("limit") @DefaultValue("20") int limit) {
        return PageView.of(core.users().list(email, after, limit).stream().map(UserView::of).toList(), limit, UserView::id);
    }

    @GET
    @Path("{userId}")
    public UserWithMembershipsView get(@PathParam("userId") String userId) {
        User user = core.users().get(userId);
        return UserWithMembershipsView.of(user, core.memberships().listOfUser(userId));
    }
}
