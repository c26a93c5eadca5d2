package io.scimgate.server.admin;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.jakarta.rs.json.JacksonJsonProvider;
import io.scimgate.core.ProvisioningCore;
import io.scimgate.server.openapi.OpenApiResource;
import org.glassfish.hk2.utilities.binding.AbstractBinder;
import org.glassfish.jersey.CommonProperties;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * The operator's REST API, mounted at {@code /admin/v1} in the bundled server (anywhere a host
 * likes through {@code ScimgateHttp.admin}) and guarded by the admin token or, in a host application, by the host's {@link AdminAuthenticator}.
 */
public final class AdminApplication {

    private AdminApplication() {
    }

    /** The admin API guarded by the admin token, as the bundled server mounts it. */
    public static ResourceConfig create(ProvisioningCore core, ScimBaseUrl scimBaseUrl) {
        return create(core, scimBaseUrl, AdminAuthenticator.adminToken(core.adminTokens()));
    }

    public static ResourceConfig create(ProvisioningCore core, ScimBaseUrl scimBaseUrl, AdminAuthenticator authenticator) {
        ObjectMapper json = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        ResourceConfig config = new ResourceConfig();
        config.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        config.property(ServerProperties.BV_FEATURE_DISABLE, true);
        config.property(CommonProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true);
        config.property(CommonProperties.METAINF_SERVICES_LOOKUP_DISABLE, true);
        config.register(new JacksonJsonProvider(json));
        config.register(new AdminAuthFilter(authenticator));
        config.register(new AbstractBinder() {
            @Override
            protected void configure() {
                bind(core).to(ProvisioningCore.class);
                bind(scimBaseUrl).to(ScimBaseUrl.class);
            }
        });
        config.register(OrganizationsResource.class);
        config.register(DirectoriesResource.class);
        config.register(DirectoryUsersResource.class);
        config.register(DirectoryGroupsResource.class);
        config.register(AttributeMappingsResource.class);
        config.register(OrganizationRolesResource.class);
        config.register(UsersResource.class);
        config.register(MembershipsResource.class);
        config.register(InvitationsResource.class);
        config.register(EventsResource.class);
        config.register(WebhooksResource.class);
        config.register(GoogleDirectoryResource.class);
        config.register(DirectoryHealthResource.class);
        config.register(ProvisioningLogResource.class);
        AdminExceptionMappers.all().forEach(config::register);
        return OpenApiResource.addTo(config);
    }
}
