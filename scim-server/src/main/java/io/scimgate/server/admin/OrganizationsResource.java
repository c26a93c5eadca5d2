package io.scimgate.server.admin;

import io.scimgate.core.ProvisioningCore;
import io.scimgate.core.directory.Directories;
import io.scimgate.core.directory.DirectoryProvider;
import io.scimgate.core.domain.VerificationStrategy;
import io.scimgate.core.membership.GroupRoles;
import io.scimgate.core.membership.MembershipStatus;
import java.util.List;
import io.scimgate.server.admin.AdminViews.CreatedDirectoryView;
import io.scimgate.server.admin.AdminViews.DirectoryView;
import io.scimgate.server.admin.AdminViews.DomainView;
import io.scimgate.server.admin.AdminViews.GroupRolesView;
import io.scimgate.server.admin.AdminViews.ListView;
import io.scimgate.server.admin.AdminViews.MembershipView;
import io.scimgate.server.admin.AdminViews.OrganizationView;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** Organizations, their domains and their directories. */
@Singleton
@Path("organizations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrganizationsResource {

    private final ProvisioningCore core;
    private final ScimBaseUrl scimBaseUrl;

    @Inject
    public OrganizationsResource(ProvisioningCore core, ScimBaseUrl scimBaseUrl) {
        this.core = core;
        this.scimBaseUrl = scimBaseUrl;
    }

    @POST
    public Response create(AdminRequests.CreateOrganization body, @Context UriInfo uri) {
        OrganizationView created = OrganizationView.of(core.organizations().create(AdminRequests.required(body).name()));
        return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build()).entity(created).build();
    }

    @GET
    public ListView<OrganizationView> list() {
        return new ListView<>(core.organizations().list().stream().map(OrganizationView::of).toList());
    }

    @GET
    @Path("{organizationId}")
    public OrganizationView get(@PathParam("organizationId") String organizationId) {
        return OrganizationView.of(core.organizations().get(organizationId));
    }

    /** Changes the name, the default role or whether invitations are sent; absent fields stay as they are. */
    @PATCH
    @Path("{organizationId}")
    public OrganizationView update(@PathParam("organizationId") String organizationId,
            AdminRequests.UpdateOrganization body) {
        AdminRequests.UpdateOrganization request = AdminRequests.required(body);
        return OrganizationView.of(core.organizations().update(organizationId, request.name(), request.defaultRole(),
                request.sendInvitations()));
    }

    @GET
    @Path("{organizationId}/memberships")
    public ListView<MembershipView> memberships(@PathParam("organizationId") String organizationId,
            @QueryParam("status") String status) {
        core.organizations().get(organizationId);
        MembershipStatus wanted = status == null || status.isBlank() ? null : MembershipStatus.fromSlug(status);
        return new ListView<>(core.memberships().list(organizationId, wanted).stream()
                .map(membership -> MembershipView.of(membership, core.users().get(membership.userId()).email()))
                .toList());
    }

    @GET
    @Path("{organizationId}/group-roles")
    public GroupRolesView groupRoles(@PathParam("organizationId") String organizationId) {
        core.organizations().get(organizationId);
        return new GroupRolesView(core.groupRoles().list(organizationId));
    }

    /** Replaces the organization's group-to-role mappings (P22); the highest priority number wins. */
    @PUT
    @Path("{organizationId}/group-roles")
    public GroupRolesView replaceGroupRoles(@PathParam("organizationId") String organizationId,
            AdminRequests.ReplaceGroupRoles body) {
        List<GroupRoles.Mapping> mappings = AdminRequests.required(body).mappings();
        return new GroupRolesView(core.groupRoles().replace(organizationId, mappings == null ? List.of() : mappings));
    }

    @POST
    @Path("{organizationId}/domains")
    public Response addDomain(@PathParam("organizationId") String organizationId, AdminRequests.AddDomain body,
            @Context UriInfo uri) {
        AdminRequests.AddDomain request = AdminRequests.required(body);
        DomainView added = DomainView.of(core.domains().add(organizationId, request.domain(),
                VerificationStrategy.fromSlug(request.verification())));
        return Response.created(uri.getAbsolutePathBuilder().path(added.id()).build()).entity(added).build();
    }

    @GET
    @Path("{organizationId}/domains")
    public ListView<DomainView> domains(@PathParam("organizationId") String organizationId) {
        core.organizations().get(organizationId);
        return new ListView<>(core.domains().list(organizationId).stream().map(DomainView::of).toList());
    }

    @GET
    @Path("{organizationId}/domains/{domainId}")
    public DomainView domain(@PathParam("organizationId") String organizationId, @PathParam("domainId") String domainId) {
        return DomainView.of(core.domains().get(organizationId, domainId));
    }

    @POST
    @Path("{organizationId}/domains/{domainId}/verify")
    public DomainView verifyDomain(@PathParam("organizationId") String organizationId,
            @PathParam("domainId") String domainId) {
        return DomainView.of(core.domains().verify(organizationId, domainId));
    }

    @DELETE
    @Path("{organizationId}/domains/{domainId}")
    public Response removeDomain(@PathParam("organizationId") String organizationId,
            @PathParam("domainId") String domainId) {
        core.domains().delete(organizationId, domainId);
        return Response.noContent().build();
    }

    @POST
    @Path("{organizationId}/directories")
    public Response createDirectory(@PathParam("organizationId") String organizationId,
            AdminRequests.CreateDirectory body, @Context UriInfo uri) {
        AdminRequests.CreateDirectory request = AdminRequests.required(body);
        Directories.Created created = core.directories().create(organizationId, request.name(),
                DirectoryProvider.fromSlug(request.provider()));
        String id = created.directory().id();
        CreatedDirectoryView view = CreatedDirectoryView.of(created.directory(),
                scimBaseUrl.of(uri, id), created.token());
        return Response.created(uri.getBaseUriBuilder().path("directories").path(id).build()).entity(view).build();
    }

    @GET
    @Path("{organizationId}/directories")
    public ListView<DirectoryView> directories(@PathParam("organizationId") String organizationId, @Context UriInfo uri) {
        core.organizations().get(organizationId);
        return new ListView<>(core.directories().listByOrganization(organizationId).stream()
                .map(directory -> DirectoryView.of(directory, scimBaseUrl.of(uri, directory.id())))
                .toList());
    }
}
