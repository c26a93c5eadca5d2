package io.scimgate.server.admin;

import io.scimgate.core.ProvisioningCore;
import io.scimgate.core.membership.Membership;
import io.scimgate.core.membership.Memberships;
import io.scimgate.server.admin.AdminViews.MembershipView;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * One membership: read it, set its role by hand, deactivate or reactivate it when no directory
 * manages it, or remove it while it is pending or inactive.
 */
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

    @POST
    @Path("{membershipId}/deactivate")
    public MembershipView deactivate(@PathParam("membershipId") String membershipId) {
        return view(core.memberships().deactivate(membershipId));
    }

    @POST
    @Path("{membershipId}/reactivate")
    public MembershipView reactivate(@PathParam("membershipId") String membershipId) {
        return view(core.memberships().reactivate(membershipId));
    }

    /** Removes a pending or inactive membership with its pending invitations; an active one is 409. */
    @DELETE
    @Path("{membershipId}")
    public Response remove(@PathParam("membershipId") String membershipId) {
        core.memberships().remove(membershipId);
        return Response.noContent().build();
    }

    private MembershipView view(Membership membership) {
        return MembershipView.of(membership, core.users().get(membership.userId()).email());
    }
}
