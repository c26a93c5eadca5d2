package io.scimgate.server.scim;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimgate.core.ProvisioningCore;
import io.scimgate.server.scim.endpoint.ResourceRepository;
import io.scimgate.server.scim.groups.ScimGroupMapping;
import io.scimgate.server.scim.groups.ScimGroupRepository;
import io.scimgate.server.scim.json.ScimJson;
import io.scimgate.server.scim.patch.PatchApplier;
import io.scimgate.server.scim.patch.PatchNormalizer;
import io.scimgate.server.scim.projection.ResourceProjector;
import io.scimgate.server.scim.roles.ScimRole;
import io.scimgate.server.scim.users.ScimUserMapping;
import io.scimgate.server.scim.users.ScimUserRepository;
import java.util.List;
import org.apache.directory.scim.core.repository.DefaultPatchHandler;
import org.apache.directory.scim.core.repository.InvalidRepositoryException;
import org.apache.directory.scim.core.repository.RepositoryRegistry;
import org.apache.directory.scim.core.schema.SchemaRegistry;
import org.apache.directory.scim.spec.annotation.ScimResourceType;
import org.apache.directory.scim.spec.resources.ScimGroup;
import org.apache.directory.scim.spec.resources.ScimResource;
import org.apache.directory.scim.spec.resources.ScimUser;

/**
 * The SCIM resource types of scimgate on one provisioning core: SCIMple's schema and repository
 * registries (users with the enterprise extension, groups, and the read-only roles of
 * {@link io.scimgate.server.scim.roles.RolesEndpoint}), the JSON mapper, and the repositories.
 */
public final class ScimResources {

    private final SchemaRegistry schemas = new SchemaRegistry();
    private final RepositoryRegistry repositories = new RepositoryRegistry(schemas);
    private final ObjectMapper json;
    private final ScimUserRepository users;
    private final ScimGroupRepository groups;

    public ScimResources(ProvisioningCore core) {
        // The PATCH normalisers read the schemas when built; the registry adds them again, unchanged.
        schemas.addSchema(ScimUser.class, ScimUserRepository.EXTENSIONS);
        schemas.addSchema(ScimGroup.class, List.of());
        schemas.addSchema(ScimRole.class, List.of());
        json = ScimJson.objectMapper(schemas);
        PatchApplier patchApplier = new PatchApplier(new DefaultPatchHandler(schemas), json);
        users = new ScimUserRepository(core.directoryUsers(), core.directoryDetails(), new ScimUserMapping(json),
                new PatchNormalizer(schemas, ScimUser.RESOURCE_NAME), patchApplier);
        groups = new ScimGroupRepository(core.directoryGroups(), new ScimGroupMapping(json),
                new PatchNormalizer(schemas, ScimGroup.RESOURCE_NAME), patchApplier);
        try {
            repositories.registerRepository(ScimUser.class, users);
            repositories.registerRepository(ScimGroup.class, groups);
        } catch (InvalidRepositoryException e) {
            throw new IllegalStateException("Cannot register the SCIM repositories", e);
        }
    }

    public SchemaRegistry schemas() {
        return schemas;
    }

    public RepositoryRegistry repositories() {
        return repositories;
    }

    public ObjectMapper json() {
        return json;
    }

    public ScimUserRepository users() {
        return users;
    }

    public ScimGroupRepository groups() {
        return groups;
    }

    public List<ResourceRepository<? extends ScimResource>> all() {
        return List.of(users, groups);
    }

    @SuppressWarnings("unchecked")
    public <T extends ScimResource> ResourceRepository<T> repository(Class<T> resourceClass) {
        return (ResourceRepository<T>) repositories.getRepository(resourceClass);
    }

    public ResourceProjector projector(Class<? extends ScimResource> resourceClass) {
        return new ResourceProjector(json, schemas, resourceClass.getAnnotation(ScimResourceType.class).name());
    }
}
