package io.scimgate.server.admin;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.scimgate.core.ProvisioningCore;
import io.scimgate.core.organization.Role;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/**
 * An organization's role catalogue (P26), as a JSON array {@code [{"slug","name","default"}]}: a
 * PUT replaces it (exactly one default; a role still held or mapped cannot be left out).
 */
@Singleton
@Path("organizations/{organizationId}/roles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class OrganizationRolesResource {

    private final ProvisioningCore core;

    @Inject
    public OrganizationRolesResource(ProvisioningCore core) {
        this.core = core;
    }

    /** A role as shown and as given; {@code default} may be left out for the roles that are not. */
    record RoleView(String slug, String name, @JsonProperty("default") boolean isDefault) {
        static RoleView of(Role role) {
            return new RoleView(role.slug(), role.name(), role.isDefault());
        }

        Role toRole() {
            return new Role(slug, name, isDefault);
        }
    }

    @GET
    public List<RoleView> list(@PathParam("organizationId") String organizationId) {
        return core.organizationRoles().list(organizationId).stream().map(RoleView::of).toList();
    }

    @PUT
    public List<RoleView> replace(@PathParam("organizationId") String organizationId, List<RoleView> body) {
        List<Role> roles = AdminRequests.required(body).stream().map(role -> role == null ? null : role.toRole()).toList();
        return core.organizationRoles().replace(organizationId, roles).stream().map(RoleView::of).toList();
    }
}
