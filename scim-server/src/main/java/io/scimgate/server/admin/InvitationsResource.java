package io.scimgate.server.admin;

import io.scimgate.core.ErrorCode;
import io.scimgate.core.ScimgateException;
import io.scimgate.core.ProvisioningCore;
import io.scimgate.core.invitation.DeliveryStatus;
import io.scimgate.core.invitation.Invitation;
import io.scimgate.core.invitation.InvitationState;
import io.scimgate.core.invitation.IssuedInvitation;
import io.scimgate.server.admin.AdminViews.InvitationView;
import io.scimgate.server.admin.AdminViews.IssuedInvitationView;
import io.scimgate.server.admin.AdminViews.ListView;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;

/**
 * Invitations (P23): list, read, invite a pending membership again, resend, revoke, and accept by
 * token; each with how its mailing stands ({@code delivery}: queued, retrying, sent, failed, not_sent).
 */
@Singleton
@Path("invitations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class InvitationsResource {

    private final ProvisioningCore core;

    @Inject
    public InvitationsResource(ProvisioningCore core) {
        this.core = core;
    }

    @GET
    public ListView<InvitationView> list(@QueryParam("organizationId") String organizationId,
            @QueryParam("state") String state) {
        InvitationState wanted = state == null || state.isBlank() ? null : InvitationState.fromSlug(state);
        List<Invitation> invitations = core.invitations().list(organizationId, wanted);
        Map<String, DeliveryStatus> deliveries = core.invitations().deliveries(invitations);
        return new ListView<>(invitations.stream().map(invitation -> InvitationView.of(invitation,
                deliveries.get(invitation.id()))).toList());
    }

    @GET
    @Path("{invitationId}")
    public InvitationView get(@PathParam("invitationId") String invitationId) {
        return view(core.invitations().get(invitationId));
    }

    /**
     * A fresh invitation for a pending membership whose invitations expired or were revoked; its
     * token is shown to the operator once and handed to the invitation sender.
     */
    @POST
    public Response invite(AdminRequests.CreateInvitation body, @Context UriInfo uri) {
        String membershipId = AdminRequests.required(body).membershipId();
        if (membershipId == null || membershipId.isBlank()) {
            throw new ScimgateException(ErrorCode.MEMBERSHIP_ID_REQUIRED, "Name the pending membership to invite: {\"membershipId\": \"...\"}");
        }
        IssuedInvitationView issued = view(core.invitations().invite(membershipId));
        return Response.created(uri.getAbsolutePathBuilder().path(issued.invitation().id()).build()).entity(issued).build();
    }

    /**
     * Delivers again: a pending invitation gets a new token and expiry; an expired or revoked one is
     * followed by a fresh invitation (a new id). The token is shown to the operator once.
     */
    @POST
    @Path("{invitationId}/resend")
    public IssuedInvitationView resend(@PathParam("invitationId") String invitationId) {
        return view(core.invitations().resend(invitationId));
    }

    @POST
    @Path("{invitationId}/revoke")
    public InvitationView revoke(@PathParam("invitationId") String invitationId) {
        return view(core.invitations().revoke(invitationId));
    }

    /** What the host app calls when the invitee opens the accept URL and has proven who they are. */
    @POST
    @Path("accept")
    public InvitationView accept(AdminRequests.AcceptInvitation body) {
        return view(core.invitations().accept(AdminRequests.required(body).token()));
    }

    private InvitationView view(Invitation invitation) {
        return InvitationView.of(invitation, core.invitations().deliveries(List.of(invitation)).get(invitation.id()));
    }

    private IssuedInvitationView view(IssuedInvitation issued) {
        return IssuedInvitationView.of(issued, core.invitations().deliveries(List.of(issued.invitation()))
                .get(issued.invitation().id()));
    }
}
