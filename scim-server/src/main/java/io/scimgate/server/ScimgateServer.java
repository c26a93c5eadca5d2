package io.scimgate.server;

import com.zaxxer.hikari.HikariDataSource;
import io.scimgate.core.ProvisioningCore;
import io.scimgate.core.google.GoogleOptions;
import io.scimgate.core.mail.SmtpInvitationSender;
import io.scimgate.core.google.GoogleSyncScheduler;
import io.scimgate.core.store.DataSources;
import io.scimgate.server.activity.ProvisioningLogFilter;
import io.scimgate.server.admin.AdminApplication;
import io.scimgate.server.console.ConsoleHandler;
import io.scimgate.server.http.PublicUrl;
import io.scimgate.server.logging.ServerLogging;
import io.scimgate.server.metrics.ServerMetrics;
import io.scimgate.server.http.RateLimiter;
import io.scimgate.server.scim.RateLimitFilter;
import io.scimgate.server.scim.ScimApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.glassfish.grizzly.http.server.HttpHandlerRegistration;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpContainer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ContainerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running scimgate: the provisioning core on its store, the SCIM API at {@code /scim/v2}, the
 * admin API at {@code /admin/v1} and the admin console at {@code /console/}, served by Grizzly.
 */
public final class ScimgateServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScimgateServer.class);

    private final ServerConfig config;
    private final HikariDataSource dataSource;
    private final ProvisioningCore core;
    private final HttpServer http;
    private final Optional<String> generatedAdminToken;
    private final GoogleSyncScheduler googleSync;
    private final String invitationDelivery;
    private final ServerMetrics metrics;

    private ScimgateServer(ServerConfig config, HikariDataSource dataSource, ProvisioningCore core, HttpServer http,
            Optional<String> generatedAdminToken, GoogleSyncScheduler googleSync, String invitationDelivery,
            ServerMetrics metrics) {
        this.metrics = metrics;
        this.config = config;
        this.dataSource = dataSource;
        this.core = core;
        this.http = http;
        this.generatedAdminToken = generatedAdminToken;
        this.googleSync = googleSync;
        this.invitationDelivery = invitationDelivery;
    }

    public static ScimgateServer start(ServerConfig config) {
        return start(config, UnaryOperator.identity());
    }

    /**
     * Starts the bundled server for a host application that embeds it: {@code customise} adds the
     * host's event listeners, session revoker and invitation sender to the core.
     */
    public static ScimgateServer start(ServerConfig config, UnaryOperator<ProvisioningCore.Builder> customise) {
        ServerLogging logging = ServerLogging.start(config.get(ServerConfig.LOG_FORMAT));
        HikariDataSource dataSource = DataSources.pooled(config.dbUrl(), config.dbUser(), config.dbPassword());
        ServerMetrics metrics = new ServerMetrics(logging.providers());
        try {
            ProvisioningCore.Builder builder = ProvisioningCore.builder()
                    .dataSource(dataSource)
                    .monitor(metrics.coreMonitor())
                    .monitor(logging.coreMonitor())
                    .invitationExpiry(config.invitationExpiry())
                    .invitationAcceptUrl(invitationUrl(config))
                    .extraConsumerDomains(config.get(ServerConfig.CONSUMER_DOMAINS_FILE))
                    .txtResolver(config.txtResolver())
                    .domainRechecks(config.domainRechecks());
            Optional<SmtpInvitationSender> mailer = config.invitationMailer();
            mailer.ifPresent(builder::invitationSender);
            ProvisioningCore core = customise.apply(builder
                    .secretBox(config.secretBox())
                    .google(GoogleOptions.defaults().withEndpoints(config.googleTokenUrl(), config.googleApiUrl())))
                    .build();
            Optional<String> generated = core.adminTokens().initialise(config.adminToken());
            PublicUrl publicUrl = new PublicUrl(config.publicUrl());

            URI scimUri = URI.create("http://" + config.bindAddress() + ":" + config.port() + "/scim/v2/");
            HttpServer http = GrizzlyHttpServerFactory.createHttpServer(scimUri,
                    logging.instrumentScim(metrics.instrumentScim(ScimApplication.create(core, publicUrl,
                            new RateLimitFilter(new RateLimiter(), config.rateLimitPerSecond(), config.rateLimitBurst()))
                            .register(new ProvisioningLogFilter(core.provisioningLog(), Clock.systemUTC())))), false);
            GrizzlyHttpContainer admin = ContainerFactory.createContainer(GrizzlyHttpContainer.class,
                    logging.instrumentAdmin(metrics.instrumentAdmin(AdminApplication.create(core, publicUrl))));
            http.getServerConfiguration().addHttpHandler(admin,
                    HttpHandlerRegistration.builder().contextPath("/admin/v1").urlPattern("/*").build());
            http.getServerConfiguration().addHttpHandler(new HealthHandler(dataSource), "/health");
            http.getServerConfiguration().addHttpHandler(new ConsoleHandler(),
                    HttpHandlerRegistration.builder().contextPath(ConsoleHandler.CONTEXT_PATH).urlPattern("/*").build());
            sizeWorkersToThePool(http, dataSource.getMaximumPoolSize());
            logging.watch(http);
            metrics.serve(http, core, dataSource, config.bindAddress(), config.get(ServerConfig.METRICS_PORT));
            http.start();
            core.webhookDispatcher().start();
            core.invitationOutbox().start();
            core.domainChecks().start();
            String invitations = invitationDelivery(core, mailer);
            if (core.invitationOutbox().hasSender()) {
                LOG.info("Invitations: {}", invitations);
            } else {
                LOG.warn("Invitations: {}", invitations);
            }
            core.provisioningLog().start();
            GoogleSyncScheduler googleSync = new GoogleSyncScheduler(core.google(), GoogleSyncScheduler.DEFAULT_POLL);
            googleSync.start();
            return new ScimgateServer(config, dataSource, core, http, generated, googleSync, invitations, metrics);
        } catch (IOException e) {
            metrics.close();
            dataSource.close();
            throw new UncheckedIOException("Cannot listen on " + config.bindAddress() + ":" + config.port(), e);
        } catch (RuntimeException e) {
            metrics.close();
            dataSource.close();
            throw e;
        }
    }

    /** How invitations reach invitees, in a sentence for the log and the start banner. */
    private static String invitationDelivery(ProvisioningCore core, Optional<SmtpInvitationSender> mailer) {
        if (mailer.isPresent() && core.invitationOutbox().hasSender()) {
            return "mailed through " + mailer.get().server().describe() + " from " + mailer.get().from();
        }
        if (core.invitationOutbox().hasSender()) {
            return "handed to the host application's invitation sender";
        }
        return NOT_DELIVERED;
    }

    private static final String NOT_DELIVERED = "NOT delivered: no SMTP server is configured (set SCIMGATE_SMTP_URL and "
            + "SCIMGATE_MAIL_FROM); host apps can mail the acceptUrl of invitation.created events themselves";

    /** How invitations reach invitees, as the log said at start and the start banner says. */
    public String invitationDelivery() {
        return invitationDelivery;
    }

    /**
     * Where invitees accept: SCIMGATE_INVITATION_URL (the host app's page, with {token}), else a
     * path on the public URL that a host app in front of scimgate is expected to serve.
     */
    private static String invitationUrl(ServerConfig config) {
        if (config.invitationUrl() != null) {
            return config.invitationUrl();
        }
        String base = config.publicUrl() != null ? config.publicUrl()
                : "http://" + (config.bindAddress().equals("0.0.0.0") ? "localhost" : config.bindAddress()) + ":" + config.port();
        return base + "/accept-invitation?token={token}";
    }

    /**
     * Grizzly serves requests on a small pool sized by the cores; a SCIM request mostly waits for
     * the store, so the server runs as many workers as the store has connections (plus two for
     * requests that need none), and neither waits for the other.
     */
    private static void sizeWorkersToThePool(HttpServer http, int connections) {
        int workers = connections + 2;
        for (NetworkListener listener : http.getListeners()) {
            listener.getTransport().setWorkerThreadPoolConfig(ThreadPoolConfig.defaultConfig()
                    .setPoolName("scimgate-http").setCorePoolSize(workers).setMaxPoolSize(workers));
        }
    }

    public int port() {
        NetworkListener listener = http.getListeners().iterator().next();
        return listener.getPort();
    }

    /** Where clients reach this server: the public URL when configured, else the bound address. */
    public String baseUrl() {
        if (config.publicUrl() != null) {
            return config.publicUrl();
        }
        String host = config.bindAddress().equals("0.0.0.0") ? "localhost" : config.bindAddress();
        return "http://" + host + ":" + port();
    }

    public ProvisioningCore core() {
        return core;
    }

    /** The metrics: what {@code /metrics} serves, and the port of its own listener when configured. */
    public ServerMetrics metrics() {
        return metrics;
    }

    /** The admin token generated at this start, when none was configured or stored before. */
    public Optional<String> generatedAdminToken() {
        return generatedAdminToken;
    }

    /** Stops accepting requests, lets those in flight finish for up to five seconds, then closes the store. */
    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }

    public void close(Duration grace) {
        core.webhookDispatcher().close();
        core.invitationOutbox().close();
        core.domainChecks().close();
        // Stopped first: a run under way records its end and frees its lease while the store is still open.
        googleSync.close();
        try {
            http.shutdown(grace.toMillis(), TimeUnit.MILLISECONDS).get(grace.toMillis() + 5000, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            LOG.warn("HTTP server did not stop cleanly: {}", e.toString());
            http.shutdownNow();
        } finally {
            core.provisioningLog().close();
            core.close();
            metrics.close();
            dataSource.close();
        }
    }
}
