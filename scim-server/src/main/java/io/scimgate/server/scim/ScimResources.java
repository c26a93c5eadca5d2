package io.scimgate.server.scim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.server.scim.projection.AttributeSelection;
import io.scimgate.core.ProvisioningCore;
import io.scimgate.server.scim.endpoint.ResourceRepository;
import io.scimgate.server.scim.groups.ScimGroupRepository;
import io.scimgate.server.scim.json.ResourceNormalizer;
import io.scimgate.server.scim.json.ScimJson;
import io.scimgate.server.scim.projection.ResourceProjector;
import io.scimgate.server.scim.schema.RfcSchemaCorrections;
import io.scimgate.server.scim.schema.ScimSchemas;
import io.scimgate.server.scim.roles.ScimRole;
import io.scimgate.server.scim.users.ScimUserRepository;
import io.scimgate.server.scim.schema.ResourceSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.directory.scim.core.repository.InvalidRepositoryException;
import org.apache.directory.scim.core.repository.RepositoryRegistry;
import org.apache.directory.scim.core.schema.SchemaRegistry;
import org.apache.directory.scim.spec.resources.ScimGroup;
import org.apache.directory.scim.spec.resources.ScimResource;
import org.apache.directory.scim.spec.resources.ScimUser;
import org.apache.directory.scim.spec.schema.ResourceType;
import org.apache.directory.scim.spec.schema.Schema;

/**
 * The SCIM resource types of scimgate on one provisioning core: SCIMple's schema and repository
 * registries (users with the enterprise extension, groups, and the read-only roles of
 * {@link io.scimgate.server.scim.roles.RolesEndpoint}) with the RFC 7643 corrections applied, the
 * JSON mapper, each type's path resolver and normaliser, and the repositories.
 */
public final class ScimResources {

    private final SchemaRegistry schemas = ScimSchemas.registry();
    private final RepositoryRegistry repositories = new RepositoryRegistry(schemas);
    private final ObjectMapper json;
    private final Map<Class<? extends ScimResource>, ResourceNormalizer> normalizers = new LinkedHashMap<>();
    private final Map<Class<? extends ScimResource>, ResourceProjector> projectors = new LinkedHashMap<>();
    private final ScimUserRepository users;
    private final ScimGroupRepository groups;

    public ScimResources(ProvisioningCore core) {
        json = ScimJson.objectMapper(schemas);
        normalizers.put(ScimUser.class, new ResourceNormalizer(ScimSchemas.users(schemas)));
        normalizers.put(ScimGroup.class, new ResourceNormalizer(ScimSchemas.groups(schemas)));
        normalizers.forEach((type, normalizer) -> projectors.put(type, new ResourceProjector(json, normalizer)));
        users = new ScimUserRepository(core.directoryUsers(), core.directoryDetails(), json, normalizers.get(ScimUser.class));
        groups = new ScimGroupRepository(core.directoryGroups(), json, normalizers.get(ScimGroup.class));
        try {
            repositories.registerRepository(ScimUser.class, users);
            repositories.registerRepository(ScimGroup.class, groups);
        } catch (InvalidRepositoryException e) {
            throw new IllegalStateException("Cannot register the SCIM repositories", e);
        }
        // Registering replaced the schema objects; everything reads these, corrected, from the registry.
        RfcSchemaCorrections.apply(schemas);
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

    /** The resource types served, in the order discovery lists them: User first. */
    public List<ResourceType> resourceTypesInOrder() {
        List<ResourceType> ordered = new ArrayList<>(all().stream()
                .map(repository -> schemas.getResourceType(repository.paths().resource().name())).toList());
        ordered.add(schemas.getResourceType(ScimRole.RESOURCE_NAME));
        return ordered;
    }

    /** The schemas of the resource types served: each type's core schema, then its extensions. */
    public List<Schema> schemasInOrder() {
        List<Schema> ordered = new ArrayList<>();
        for (ResourceRepository<? extends ScimResource> repository : all()) {
            ResourceSchema resource = repository.paths().resource();
            ordered.add(resource.core());
            resource.extensions().stream().filter(extension -> !ordered.contains(extension)).forEach(ordered::add);
        }
        ordered.add(schemas.getSchema(ScimRole.SCHEMA_URI));
        return ordered;
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

    /**
     * A resource as a response shows it: completed as the directory's identity provider needs it
     * (Okta's users), then projected to the attributes asked for.
     */
    public ObjectNode render(Class<? extends ScimResource> resourceClass, ObjectNode resource, AttributeSelection selection) {
        if (resourceClass == ScimUser.class) {
            ScimRequest.current().profile().completeUser(resource);
        }
        return projectors.get(resourceClass).project(resource, selection);
    }
}
