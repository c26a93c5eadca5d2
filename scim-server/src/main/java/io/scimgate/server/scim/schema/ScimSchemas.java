package io.scimgate.server.scim.schema;

import java.util.List;
import io.scimgate.server.scim.roles.ScimRole;
import org.apache.directory.scim.core.schema.SchemaRegistry;
import org.apache.directory.scim.spec.extension.EnterpriseExtension;
import org.apache.directory.scim.spec.resources.ScimGroup;
import org.apache.directory.scim.spec.resources.ScimUser;

/**
 * The resource types scimgate serves: User with the enterprise extension, and Group, as RFC 7643 defines
 * them; and the read-only Role of {@link io.scimgate.server.scim.roles.RolesEndpoint}.
 */
public final class ScimSchemas {

    private ScimSchemas() {
    }

    /** A registry of scimgate's schemas, corrected to RFC 7643 ({@link RfcSchemaCorrections}). */
    public static SchemaRegistry registry() {
        SchemaRegistry registry = new SchemaRegistry();
        registry.addSchema(ScimUser.class, List.of(EnterpriseExtension.class));
        registry.addSchema(ScimGroup.class, List.of());
        registry.addSchema(ScimRole.class, List.of());
        RfcSchemaCorrections.apply(registry);
        return registry;
    }

    public static SchemaPaths users(SchemaRegistry registry) {
        return new SchemaPaths(ResourceSchema.of(registry, ScimUser.RESOURCE_NAME));
    }

    public static SchemaPaths groups(SchemaRegistry registry) {
        return new SchemaPaths(ResourceSchema.of(registry, ScimGroup.RESOURCE_NAME));
    }
}
