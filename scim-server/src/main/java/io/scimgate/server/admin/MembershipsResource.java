package io.scimgate.server.admin;

import io.scimgate.core.ProvisioningCore;
import io.scimgate.core.membership.Membership;
import io.scimgate.core.membership.Memberships;
import io.scimgate.server.admin.AdminViews.MembershipView;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** One membership: read it, or set its role by hand. */
@Singleton
@Path("memberships")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class MembershipsResource {

    private final ProvisioningCore core;

    @Inject
    public MembershipsResource(ProvisioningCore core) {
        this.core = core;
    }

    @GET
    @Path("{membershipId}")
    public MembershipView get(@PathParam("membershipId") String membershipId) {
        return view(core.memberships().find(membershipId).orElseThrow(() -> Memberships.notFound(membershipId)));
    }

    /** Sets the role; where the organization maps groups to roles, the next group change replaces it (P22). */
    @PATCH
    @Path("{membershipId}")
    public MembershipView update(@PathParam("membershipId") String membershipId, AdminRequests.UpdateMembership body) {
        return view(core.memberships().setRole(membershipId, AdminRequests.required(body).role()));
    }

    private MembershipView view(Membership membership) {
        return MembershipView.of(membership, core.users().get(membership.userId()).email());
    }
}
