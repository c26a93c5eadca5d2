package io.scimgate.server.scim;

import io.scimgate.core.ProvisioningCore;
import io.scimgate.core.organization.OrganizationRoles;
import io.scimgate.server.http.PublicUrl;
import io.scimgate.server.scim.bulk.BulkEndpoint;
import io.scimgate.server.scim.discovery.ResourceTypesEndpoint;
import io.scimgate.server.scim.discovery.SchemasEndpoint;
import io.scimgate.server.scim.discovery.ServiceProviderConfigEndpoint;
import io.scimgate.server.scim.endpoint.RawRequests;
import io.scimgate.server.scim.endpoint.RootSearchEndpoint;
import io.scimgate.server.scim.filter.ScimParamConverters;
import io.scimgate.server.scim.groups.GroupsEndpoint;
import io.scimgate.server.scim.json.ScimJsonProvider;
import io.scimgate.server.scim.json.WholeAnswers;
import io.scimgate.server.scim.roles.RolesEndpoint;
import io.scimgate.server.scim.users.UsersEndpoint;
import jakarta.inject.Singleton;
import java.util.List;
import org.apache.directory.scim.core.repository.RepositoryRegistry;
import org.apache.directory.scim.core.schema.SchemaRegistry;
import org.apache.directory.scim.server.configuration.ServerConfiguration;
import org.apache.directory.scim.server.rest.EtagGenerator;
import org.glassfish.hk2.utilities.binding.AbstractBinder;
import org.glassfish.jersey.CommonProperties;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * The SCIM 2.0 application, mounted at {@code /scim/v2}: SCIMple's endpoints (subclassed where M1
 * falls short, see {@link io.scimgate.server.scim.endpoint.ResourceEndpoint}) wired through HK2 as
 * singletons, because per-request instances would each build their own ObjectMapper; SCIMple's
 * schema and repository registries hold our repositories.
 */
public final class ScimApplication {

    private static final List<Class<?>> ENDPOINTS = List.of(UsersEndpoint.class, GroupsEndpoint.class,
            BulkEndpoint.class, ServiceProviderConfigEndpoint.class, SchemasEndpoint.class, ResourceTypesEndpoint.class,
            RootSearchEndpoint.class, RolesEndpoint.class);
    /** The first path segment of each endpoint, as clients may write it in any case. */
    private static final List<String> ENDPOINT_NAMES = List.of("Users", "Groups", "Bulk", "ServiceProviderConfig",
            "Schemas", "ResourceTypes", ".search", "Roles");

    private ScimApplication() {
    }

    public static ResourceConfig create(ProvisioningCore core, PublicUrl publicUrl, RateLimitFilter rateLimit) {
        ScimResources resources = new ScimResources(core);
        ResourceConfig config = new ResourceConfig();
        config.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        config.property(ServerProperties.BV_FEATURE_DISABLE, true);
        config.property(CommonProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true);
        config.property(CommonProperties.METAINF_SERVICES_LOOKUP_DISABLE, true);
        // Jersey would buffer every answer in a new 8 KiB array to learn its length; WholeAnswers
        // does it in a buffer per worker thread.
        config.property(ServerProperties.OUTBOUND_CONTENT_LENGTH_BUFFER, 0);
        config.register(new AbstractBinder() {
            @Override
            protected void configure() {
                bind(resources).to(ScimResources.class);
                bind(resources.schemas()).to(SchemaRegistry.class);
                bind(resources.repositories()).to(RepositoryRegistry.class);
                bind(core.organizationRoles()).to(OrganizationRoles.class);
                bind(new ServerConfiguration()).to(ServerConfiguration.class);
                bind(new EtagGenerator()).to(EtagGenerator.class);
                ENDPOINTS.forEach(endpoint -> bindAsContract(endpoint).in(Singleton.class));
            }
        });
        ENDPOINTS.forEach(config::register);
        config.register(new ScimJsonProvider(resources.json()));
        config.register(new WholeAnswers());
        config.register(new RawRequests.Reader(resources.json()));
        config.register(ScimParamConverters.class);
        config.register(new RequestBodyLimit());
        config.register(new TenantFilter(core.directories(), core.directoryActivity(), publicUrl));
        config.register(rateLimit);
        config.register(new EndpointNames(ENDPOINT_NAMES));
        config.register(MediaTypeFilter.class);
        config.register(ScimResponseHeaders.class);
        ScimExceptionMappers.all().forEach(config::register);
        return config;
    }
}
