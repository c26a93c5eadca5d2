package io.scimgate.server.scim;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimgate.core.ProvisioningCore;
import io.scimgate.server.http.PublicUrl;
import io.scimgate.server.scim.json.ScimJson;
import io.scimgate.server.scim.json.ScimJsonProvider;
import io.scimgate.server.scim.users.ScimUserMapping;
import io.scimgate.server.scim.users.ScimUserRepository;
import io.scimgate.server.scim.users.UsersEndpoint;
import jakarta.inject.Singleton;
import org.apache.directory.scim.core.repository.DefaultPatchHandler;
import org.apache.directory.scim.core.repository.InvalidRepositoryException;
import org.apache.directory.scim.core.repository.RepositoryRegistry;
import org.apache.directory.scim.core.schema.SchemaRegistry;
import org.apache.directory.scim.server.configuration.ServerConfiguration;
import org.apache.directory.scim.server.rest.EtagGenerator;
import org.apache.directory.scim.server.rest.ResourceTypesResourceImpl;
import org.apache.directory.scim.server.rest.SchemaResourceImpl;
import org.apache.directory.scim.server.rest.ServiceProviderConfigResourceImpl;
import org.apache.directory.scim.spec.resources.ScimUser;
import org.apache.directory.scim.spec.schema.ServiceProviderConfiguration.AuthenticationSchema;
import org.glassfish.hk2.utilities.binding.AbstractBinder;
import org.glassfish.jersey.CommonProperties;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * The SCIM 2.0 application, mounted at {@code /scim/v2}: SCIMple's endpoints as HK2 singletons
 * (per-request instances rebuild an ObjectMapper each time), backed by our repositories.
 */
public final class ScimApplication {

    /** Largest page served, announced as {@code filter.maxResults}. */
    public static final int MAX_RESULTS = 100;

    private ScimApplication() {
    }

    public static ResourceConfig create(ProvisioningCore core, PublicUrl publicUrl, RateLimitFilter rateLimit) {
        SchemaRegistry schemaRegistry = new SchemaRegistry();
        RepositoryRegistry repositoryRegistry = new RepositoryRegistry(schemaRegistry);
        ObjectMapper json = ScimJson.objectMapper(schemaRegistry);
        try {
            repositoryRegistry.registerRepository(ScimUser.class, new ScimUserRepository(core.directoryUsers(),
                    new ScimUserMapping(json), new DefaultPatchHandler(schemaRegistry), MAX_RESULTS));
        } catch (InvalidRepositoryException e) {
            throw new IllegalStateException(e);
        }
        ServerConfiguration serverConfiguration = serviceProviderConfiguration();

        ResourceConfig config = new ResourceConfig();
        config.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        config.property(ServerProperties.BV_FEATURE_DISABLE, true);
        config.property(CommonProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true);
        config.property(CommonProperties.METAINF_SERVICES_LOOKUP_DISABLE, true);
        config.register(new AbstractBinder() {
            @Override
            protected void configure() {
                bind(schemaRegistry).to(SchemaRegistry.class);
                bind(repositoryRegistry).to(RepositoryRegistry.class);
                bind(serverConfiguration).to(ServerConfiguration.class);
                bind(new EtagGenerator()).to(EtagGenerator.class);
                bindAsContract(UsersEndpoint.class).in(Singleton.class);
                bindAsContract(ServiceProviderConfigResourceImpl.class).in(Singleton.class);
                bindAsContract(SchemaResourceImpl.class).in(Singleton.class);
                bindAsContract(ResourceTypesResourceImpl.class).in(Singleton.class);
            }
        });
        config.register(UsersEndpoint.class);
        config.register(ServiceProviderConfigResourceImpl.class);
        config.register(SchemaResourceImpl.class);
        config.register(ResourceTypesResourceImpl.class);
        config.register(new ScimJsonProvider(json));
        config.register(new TenantFilter(core.directories(), publicUrl));
        config.register(rateLimit);
        config.register(MediaTypeFilter.class);
        config.register(ScimResponseHeaders.class);
        ScimExceptionMappers.all().forEach(config::register);
        return config;
    }

    private static ServerConfiguration serviceProviderConfiguration() {
        ServerConfiguration configuration = new ServerConfiguration();
        configuration.setSupportsFilter(true);
        configuration.setFilterMaxResults(MAX_RESULTS);
        configuration.setSupportsSort(true);
        configuration.addAuthenticationSchema(AuthenticationSchema.oauthBearer()
                .setDescription("The bearer token issued for this directory, sent as Authorization: Bearer <token>"));
        return configuration;
    }
}
