package io.scimgate.server.logging;

import io.scimgate.core.monitoring.CoreMonitor;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.jersey.server.ResourceConfig;

/** The server's logging, wired in one place: format, request fields and access log, provisioning lines. */
public final class ServerLogging {

    private final DirectoryProviders providers = new DirectoryProviders();

    private ServerLogging() {
    }

    /** Logs in {@code format} from now on. */
    public static ServerLogging start(LogFormat format) {
        LogFormat.use(format);
        return new ServerLogging();
    }

    /** The provider of each directory seen authenticating here, for what is logged or counted off the request's thread. */
    public DirectoryProviders providers() {
        return providers;
    }

    /** For the core's builder: a server log line per SCIM request the provisioning log explained. */
    public CoreMonitor coreMonitor() {
        return new ProvisioningLines(providers);
    }

    /** Request fields in the MDC, with the directory and provider of each authenticated SCIM request. */
    public ResourceConfig instrumentScim(ResourceConfig scim) {
        return scim.register(new RequestFields()).register(new ScimDirectoryContext(providers));
    }

    /** Request fields in the MDC of what the admin API logs. */
    public ResourceConfig instrumentAdmin(ResourceConfig admin) {
        return admin.register(new RequestFields());
    }

    /** Request ids, request fields in the MDC and the access log, for every request {@code http} serves. */
    public void watch(HttpServer http) {
        http.getServerConfiguration().getMonitoringConfig().getWebServerConfig().addProbes(new RequestLogging());
    }
}
