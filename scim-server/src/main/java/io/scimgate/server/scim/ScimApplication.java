package io.scimgate.server.scim;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimgate.core.ProvisioningCore;
import io.scimgate.server.http.PublicUrl;
import io.scimgate.server.scim.bulk.BulkEndpoint;
import io.scimgate.server.scim.discovery.ResourceTypesEndpoint;
import io.scimgate.server.scim.discovery.SchemasEndpoint;
import io.scimgate.server.scim.discovery.ServiceProviderConfigEndpoint;
import io.scimgate.server.scim.groups.GroupsEndpoint;
import io.scimgate.server.scim.groups.ScimGroupMapping;
import io.scimgate.server.scim.groups.ScimGroupRepository;
import io.scimgate.server.scim.json.ScimJson;
import io.scimgate.server.scim.json.ScimJsonProvider;
import io.scimgate.server.scim.patch.PatchApplier;
import io.scimgate.server.scim.patch.PatchNormalizer;
import io.scimgate.server.scim.projection.ResourceProjector;
import io.scimgate.server.scim.users.ScimUserMapping;
import io.scimgate.server.scim.users.ScimUserRepository;
import io.scimgate.server.scim.users.UsersEndpoint;
import java.util.List;
import org.apache.directory.scim.core.repository.DefaultPatchHandler;
import org.apache.directory.scim.core.schema.SchemaRegistry;
import org.apache.directory.scim.spec.extension.EnterpriseExtension;
import org.apache.directory.scim.spec.resources.ScimGroup;
import org.apache.directory.scim.spec.resources.ScimUser;
import org.glassfish.jersey.CommonProperties;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * The SCIM 2.0 application, mounted at {@code /scim/v2}: SCIMple supplies the schemas, the
 * resource model, the filter grammar and the PatchHandler; the endpoints are ours (see
 * {@link io.scimgate.server.scim.endpoint.ResourceEndpoint} for why), built once as singletons.
 */
public final class ScimApplication {

    private ScimApplication() {
    }

    public static ResourceConfig create(ProvisioningCore core, PublicUrl publicUrl) {
        SchemaRegistry schemas = new SchemaRegistry();
        schemas.addSchema(ScimUser.class, List.of(EnterpriseExtension.class));
        schemas.addSchema(ScimGroup.class, List.of());
        ObjectMapper json = ScimJson.objectMapper(schemas);
        PatchApplier patchApplier = new PatchApplier(new DefaultPatchHandler(schemas), json);

        ScimUserRepository users = new ScimUserRepository(core.directoryUsers(), new ScimUserMapping(json),
                new PatchNormalizer(schemas, ScimUser.RESOURCE_NAME), patchApplier);
        ScimGroupRepository groups = new ScimGroupRepository(core.directoryGroups(), new ScimGroupMapping(json),
                new PatchNormalizer(schemas, ScimGroup.RESOURCE_NAME), patchApplier);

        ResourceConfig config = new ResourceConfig();
        config.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        config.property(ServerProperties.BV_FEATURE_DISABLE, true);
        config.property(CommonProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true);
        config.property(CommonProperties.METAINF_SERVICES_LOOKUP_DISABLE, true);
        config.register(new UsersEndpoint(users, json, new ResourceProjector(json, schemas, ScimUser.RESOURCE_NAME)));
        config.register(new GroupsEndpoint(groups, json, new ResourceProjector(json, schemas, ScimGroup.RESOURCE_NAME)));
        config.register(new BulkEndpoint(json, List.of(users, groups)));
        config.register(new ServiceProviderConfigEndpoint(json));
        config.register(new SchemasEndpoint(schemas, json));
        config.register(new ResourceTypesEndpoint(schemas, json));
        config.register(new ScimJsonProvider(json));
        config.register(new RequestBodyLimit());
        config.register(new TenantFilter(core.directories(), publicUrl));
        config.register(MediaTypeFilter.class);
        config.register(ScimResponseHeaders.class);
        ScimExceptionMappers.all().forEach(config::register);
        return config;
    }
}
