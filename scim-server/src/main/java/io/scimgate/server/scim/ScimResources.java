package io.scimgate.server.scim;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimgate.core.ProvisioningCore;
import io.scimgate.server.scim.groups.ScimGroupMapping;
import io.scimgate.server.scim.groups.ScimGroupRepository;
import io.scimgate.server.scim.json.ScimJson;
import io.scimgate.server.scim.patch.PatchApplier;
import io.scimgate.server.scim.patch.PatchNormalizer;
import io.scimgate.server.scim.projection.ResourceProjector;
import io.scimgate.server.scim.users.ScimUserMapping;
import io.scimgate.server.scim.users.ScimUserRepository;
import java.util.List;
import org.apache.directory.scim.core.repository.DefaultPatchHandler;
import org.apache.directory.scim.core.schema.SchemaRegistry;
import org.apache.directory.scim.spec.extension.EnterpriseExtension;
import org.apache.directory.scim.spec.resources.ScimGroup;
import org.apache.directory.scim.spec.resources.ScimUser;

/** The SCIM resource types of scimgate on one provisioning core: their schemas, JSON and repositories. */
public final class ScimResources {

    private final SchemaRegistry schemas = new SchemaRegistry();
    private final ObjectMapper json;
    private final ScimUserRepository users;
    private final ScimGroupRepository groups;

    public ScimResources(ProvisioningCore core) {
        schemas.addSchema(ScimUser.class, List.of(EnterpriseExtension.class));
        schemas.addSchema(ScimGroup.class, List.of());
        json = ScimJson.objectMapper(schemas);
        PatchApplier patchApplier = new PatchApplier(new DefaultPatchHandler(schemas), json);
        users = new ScimUserRepository(core.directoryUsers(), new ScimUserMapping(json),
                new PatchNormalizer(schemas, ScimUser.RESOURCE_NAME), patchApplier);
        groups = new ScimGroupRepository(core.directoryGroups(), new ScimGroupMapping(json),
                new PatchNormalizer(schemas, ScimGroup.RESOURCE_NAME), patchApplier);
    }

    public SchemaRegistry schemas() {
        return schemas;
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

    public ResourceProjector projector(String resourceTypeName) {
        return new ResourceProjector(json, schemas, resourceTypeName);
    }
}
