package io.scimgate.server.scim.roles;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.core.organization.OrganizationRoles;
import io.scimgate.core.organization.Role;
import io.scimgate.server.scim.ScimProblem;
import io.scimgate.server.scim.ScimRequest;
import io.scimgate.server.scim.ScimResources;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import java.util.List;

/**
 * {@code /Roles}: the roles of the directory's organization, read-only (RULES.md P28), so that an
 * identity-governance tool (Okta's) discovers them and assigns them to users as {@code roles}
 * values. Index paging with {@code startIndex} and {@code count} as for users (default and at most
 * 100); no filter; other methods answer 405.
 */
@Path(ScimRole.ENDPOINT)
@Produces({"application/scim+json", "application/json"})
public class RolesEndpoint {

    static final int MAX_COUNT = 100;
    private static final String LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

    private final OrganizationRoles roles;
    private final ObjectMapper json;

    @Inject
    public RolesEndpoint(OrganizationRoles roles, ScimResources resources) {
        this.roles = roles;
        this.json = resources.json();
    }

    @GET
    public ObjectNode list(@QueryParam("filter") String filter, @QueryParam("startIndex") Integer startIndex,
            @QueryParam("count") Integer count) {
        if (filter != null) {
            throw ScimProblem.invalidFilter("Roles cannot be filtered; list them with startIndex and count");
        }
        List<Role> all = organizationRoles();
        int from = startIndex == null || startIndex < 1 ? 1 : startIndex;
        int size = count == null ? MAX_COUNT : Math.max(0, Math.min(MAX_COUNT, count));
        List<Role> page = all.stream().skip(from - 1L).limit(size).toList();
        ObjectNode list = json.createObjectNode();
        list.putArray("schemas").add(LIST_SCHEMA);
        list.put("totalResults", all.size());
        list.put("itemsPerPage", page.size());
        list.put("startIndex", from);
        ArrayNode resources = list.putArray("Resources");
        page.forEach(role -> resources.add(document(role)));
        return list;
    }

    @GET
    @Path("{id}")
    public ObjectNode get(@PathParam("id") String id) {
        return organizationRoles().stream()
                .filter(role -> role.slug().equals(id))
                .findFirst()
                .map(this::document)
                .orElseThrow(() -> new ScimProblem(404, null, "No role " + id + " in this organization"));
    }

    private List<Role> organizationRoles() {
        return roles.list(ScimRequest.current().directory().organizationId());
    }

    private ObjectNode document(Role role) {
        ObjectNode document = json.createObjectNode();
        document.putArray("schemas").add(ScimRole.SCHEMA_URI);
        document.put("id", role.slug());
        document.put("displayName", role.name());
        document.putObject("meta")
                .put("resourceType", ScimRole.RESOURCE_NAME)
                .put("location", ScimRequest.current().locationOf(ScimRole.ENDPOINT, role.slug()));
        return document;
    }
}
