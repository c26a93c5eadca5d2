package io.scimgate.server.admin;

import io.scimgate.core.ProvisioningCore;
import io.scimgate.server.admin.AdminViews.DirectoryView;
import io.scimgate.server.admin.AdminViews.IssuedTokenView;
import io.scimgate.server.admin.AdminViews.ListView;
import io.scimgate.server.admin.AdminViews.TokenView;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** A directory and its bearer tokens (at most two live, for rotation without downtime). */
@Singleton
@Path("directories")
@Produces(MediaType.APPLICATION_JSON)
public class DirectoriesResource {

    private final ProvisioningCore core;
    private final ScimBaseUrl scimBaseUrl;

    @Inject
    public DirectoriesResource(ProvisioningCore core, ScimBaseUrl scimBaseUrl) {
        this.core = core;
        this.scimBaseUrl = scimBaseUrl;
    }

    @GET
    @Path("{directoryId}")
    public DirectoryView get(@PathParam("directoryId") String directoryId, @Context UriInfo uri) {
        return DirectoryView.of(core.directories().get(directoryId), scimBaseUrl.of(uri, directoryId));
    }

    /** Sets the directory's request budget ({@code "rateLimit": {"requestsPerSecond", "burst"}}, or null for the default). */
    @PATCH
    @Path("{directoryId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public DirectoryView update(@PathParam("directoryId") String directoryId, AdminRequests.UpdateDirectory body,
            @Context UriInfo uri) {
        AdminViews.RateLimitView limit = AdminRequests.required(body).rateLimit();
        return DirectoryView.of(core.directories().setRateLimit(directoryId,
                limit == null ? null : limit.requestsPerSecond(), limit == null ? null : limit.burst()),
                scimBaseUrl.of(uri, directoryId));
    }

    /** P6: removes the directory, its users, groups and tokens; the Users and memberships it made stay. */
    @DELETE
    @Path("{directoryId}")
    public Response delete(@PathParam("directoryId") String directoryId) {
        core.directories().delete(directoryId);
        return Response.noContent().build();
    }

    @GET
    @Path("{directoryId}/tokens")
    public ListView<TokenView> tokens(@PathParam("directoryId") String directoryId) {
        core.directories().get(directoryId);
        return new ListView<>(core.directories().tokens(directoryId).stream().map(TokenView::of).toList());
    }

    @POST
    @Path("{directoryId}/tokens")
    public Response issueToken(@PathParam("directoryId") String directoryId) {
        return Response.status(201).entity(IssuedTokenView.of(core.directories().issueToken(directoryId))).build();
    }

    @DELETE
    @Path("{directoryId}/tokens/{tokenId}")
    public Response revokeToken(@PathParam("directoryId") String directoryId, @PathParam("tokenId") String tokenId) {
        core.directories().revokeToken(directoryId, tokenId);
        return Response.noContent().build();
    }
}
