package io.scimgate.server;

import io.scimgate.core.ProvisioningCore;
import io.scimgate.server.activity.ProvisioningLogFilter;
import io.scimgate.server.admin.AdminApplication;
import io.scimgate.server.admin.AdminAuthenticator;
import io.scimgate.server.admin.ScimBaseUrl;
import io.scimgate.server.http.PublicUrl;
import io.scimgate.server.http.RateLimiter;
import io.scimgate.server.scim.RateLimitFilter;
import io.scimgate.server.scim.ScimApplication;
import java.time.Clock;
import java.util.Objects;
import java.util.function.IntSupplier;
import org.glassfish.jersey.server.ResourceConfig;

/**
 * What a host application mounts on its own HTTP server: the SCIM API and the admin API as Jersey
 * applications ({@link ResourceConfig}), for any Jersey container: Grizzly
 * ({@code GrizzlyHttpContainer}) or a servlet container through {@code ServletContainer}. Each has
 * the filters of the bundled server, which mounts them through here too: per-directory bearer
 * authentication, the request budget, the provisioning log and the error mappers for SCIM; the
 * admin-token filter and the admin API's error shape for admin.
 *
 * <p>The core comes from the host ({@code ProvisioningCore.builder()...build()}, then
 * {@code start()}); the host closes it when it stops.
 */
public final class ScimgateHttp {

    public static final int DEFAULT_RATE_LIMIT = 100;
    public static final int DEFAULT_RATE_BURST = 200;
    public static final String DEFAULT_SCIM_PATH = "/scim/v2";

    private ScimgateHttp() {
    }

    /**
     * Where and how the applications are served.
     *
     * @param publicUrl the scheme, host and port clients use, e.g. {@code https://sso.example.com};
     *     null to take them from each request
     * @param scimPath the path the SCIM application is mounted at, from the root of the server
     *     (servlet context path included), e.g. {@code /api/scim}: the admin API's
     *     {@code scimBaseUrl} of a directory is {@code <publicUrl><scimPath>/<directoryId>}
     * @param rateLimitPerSecond each directory's request budget per second (a directory's own
     *     setting wins)
     * @param rateLimitBurst each directory's burst
     * @param liveInstances how many instances share the store; each enforces its share of a budget
     * @param adminAuthenticator who may use the admin API; null for the admin token
     *     ({@code core.adminTokens()})
     */
    public record Options(String publicUrl, String scimPath, int rateLimitPerSecond, int rateLimitBurst,
            IntSupplier liveInstances, AdminAuthenticator adminAuthenticator) {

        public Options {
            Objects.requireNonNull(scimPath, "scimPath");
            Objects.requireNonNull(liveInstances, "liveInstances");
            if (!scimPath.startsWith("/")) {
                throw new IllegalArgumentException("scimPath must start with /: " + scimPath);
            }
            if (rateLimitPerSecond < 1 || rateLimitBurst < 1) {
                throw new IllegalArgumentException("rate limit and burst must be at least 1");
            }
        }

        /** Public URL from each request, SCIM at {@code /scim/v2}, 100 requests per second and a burst of 200, one instance, the admin token. */
        public static Options defaults() {
            return new Options(null, DEFAULT_SCIM_PATH, DEFAULT_RATE_LIMIT, DEFAULT_RATE_BURST, () -> 1, null);
        }

        public Options withPublicUrl(String url) {
            return new Options(url, scimPath, rateLimitPerSecond, rateLimitBurst, liveInstances, adminAuthenticator);
        }

        public Options withScimPath(String path) {
            return new Options(publicUrl, path, rateLimitPerSecond, rateLimitBurst, liveInstances, adminAuthenticator);
        }

        public Options withRateLimit(int perSecond, int burst) {
            return new Options(publicUrl, scimPath, perSecond, burst, liveInstances, adminAuthenticator);
        }

        public Options withLiveInstances(IntSupplier instances) {
            return new Options(publicUrl, scimPath, rateLimitPerSecond, rateLimitBurst, instances, adminAuthenticator);
        }

        /**
         * Who may use the admin API, in place of the admin token: e.g. the host's own operator
         * sign-in, or {@code AdminAuthenticator.adminToken(core.adminTokens()).or(hostSignIn)} for both.
         */
        public Options withAdminAuthenticator(AdminAuthenticator authenticator) {
            return new Options(publicUrl, scimPath, rateLimitPerSecond, rateLimitBurst, liveInstances,
                    Objects.requireNonNull(authenticator, "authenticator"));
        }
    }

    /** The SCIM 2.0 API: each directory at {@code <mount path>/<directoryId>}, authenticated by its bearer token. */
    public static ResourceConfig scim(ProvisioningCore core, Options options) {
        RateLimitFilter rateLimit = new RateLimitFilter(new RateLimiter(), options.rateLimitPerSecond(),
                options.rateLimitBurst(), options.liveInstances());
        return ScimApplication.create(core, new PublicUrl(options.publicUrl()), rateLimit)
                .register(new ProvisioningLogFilter(core.provisioningLog(), Clock.systemUTC()));
    }

    /**
     * The admin API, guarded by the options' {@link AdminAuthenticator} or else by the admin token:
     * set that up once with {@code core.adminTokens().initialise(...)} (the bundled server does at start).
     */
    public static ResourceConfig admin(ProvisioningCore core, Options options) {
        AdminAuthenticator authenticator = options.adminAuthenticator() != null ? options.adminAuthenticator()
                : AdminAuthenticator.adminToken(core.adminTokens());
        return AdminApplication.create(core, new ScimBaseUrl(new PublicUrl(options.publicUrl()), options.scimPath()),
                authenticator);
    }
}
