package io.scimgate.server.scim;

import io.scimgate.core.ProvisioningCore;
import io.scimgate.server.http.PublicUrl;
import io.scimgate.server.scim.bulk.BulkEndpoint;
import io.scimgate.server.scim.discovery.ResourceTypesEndpoint;
import io.scimgate.server.scim.discovery.SchemasEndpoint;
import io.scimgate.server.scim.discovery.ServiceProviderConfigEndpoint;
import io.scimgate.server.scim.groups.GroupsEndpoint;
import io.scimgate.server.scim.json.ScimJsonProvider;
import io.scimgate.server.scim.users.UsersEndpoint;
import java.util.List;
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

    public static ResourceConfig create(ProvisioningCore core, PublicUrl publicUrl, RateLimitFilter rateLimit) {
        ScimResources resources = new ScimResources(core);
        ResourceConfig config = new ResourceConfig();
        config.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        config.property(ServerProperties.BV_FEATURE_DISABLE, true);
        config.property(CommonProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true);
        config.property(CommonProperties.METAINF_SERVICES_LOOKUP_DISABLE, true);
        config.register(new UsersEndpoint(resources.users(), resources.json(), resources.projector(ScimUser.RESOURCE_NAME)));
        config.register(new GroupsEndpoint(resources.groups(), resources.json(), resources.projector(ScimGroup.RESOURCE_NAME)));
        config.register(new BulkEndpoint(resources.json(), List.of(resources.users(), resources.groups())));
        config.register(new ServiceProviderConfigEndpoint(resources.json()));
        config.register(new SchemasEndpoint(resources.schemas(), resources.json()));
        config.register(new ResourceTypesEndpoint(resources.schemas(), resources.json()));
        config.register(new ScimJsonProvider(resources.json()));
        config.register(new RequestBodyLimit());
        config.register(new TenantFilter(core.directories(), publicUrl));
        config.register(rateLimit);
        config.register(MediaTypeFilter.class);
        config.register(ScimResponseHeaders.class);
        ScimExceptionMappers.all().forEach(config::register);
        return config;
    }
}
