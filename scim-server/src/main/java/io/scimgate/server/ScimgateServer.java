package io.scimgate.server;

import com.zaxxer.hikari.HikariDataSource;
import io.scimgate.core.ProvisioningCore;
import io.scimgate.core.google.GoogleOptions;
import io.scimgate.core.mail.SmtpInvitationSender;
import io.scimgate.core.instance.InstanceHeartbeat;
import io.scimgate.core.store.DataSources;
import io.scimgate.core.store.Migrations;
import io.scimgate.core.store.StoreSchema;
import io.scimgate.server.config.ConfigurationException;
import io.scimgate.core.lifecycle.BackgroundWorkers;
import io.scimgate.server.proxy.ForwardedHeaders;
import io.scimgate.server.tls.ServerTls;
import io.scimgate.server.console.ConsoleHandler;
import io.scimgate.server.http.FrontDoor;
import io.scimgate.server.logging.ServerLogging;
import io.scimgate.server.metrics.ServerMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import jakarta.ws.rs.core.Feature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.grizzly.threadpool.ThreadPoolConfig;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpContainer;
import org.glassfish.jersey.grizzly2.httpserver.GrizzlyHttpServerFactory;
import org.glassfish.jersey.server.ContainerFactory;
import org.glassfish.jersey.server.ResourceConfig;
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
    private final BackgroundWorkers workers;
    private final InstanceHeartbeat heartbeat;
    private final AtomicBoolean stopping;
    private final String invitationDelivery;
    private final ServerMetrics metrics;

    private ScimgateServer(ServerConfig config, HikariDataSource dataSource, ProvisioningCore core, HttpServer http,
            Optional<String> generatedAdminToken, BackgroundWorkers workers, InstanceHeartbeat heartbeat, AtomicBoolean stopping,
            String invitationDelivery, ServerMetrics metrics) {
        this.metrics = metrics;
        this.config = config;
        this.dataSource = dataSource;
        this.core = core;
        this.http = http;
        this.generatedAdminToken = generatedAdminToken;
        this.workers = workers;
        this.heartbeat = heartbeat;
        this.stopping = stopping;
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
        ServerTls tls = null;
        ServerMetrics metrics = new ServerMetrics(logging.providers());
        try {
            ProvisioningCore.Builder builder = ProvisioningCore.builder()
                    .dataSource(dataSource)
                    .schema(config.dbSchema())
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
            Feature forwarded = ForwardedHeaders.feature(config.get(ServerConfig.TRUSTED_PROXIES));
            InstanceHeartbeat heartbeat = core.newInstanceHeartbeat();
            ScimgateHttp.Options mounted = ScimgateHttp.Options.defaults()
                    .withPublicUrl(config.publicUrl())
                    .withRateLimit(config.rateLimitPerSecond(), config.rateLimitBurst())
                    .withLiveInstances(heartbeat::liveInstances);
            ResourceConfig scimApplication = logging.instrumentScim(metrics.instrumentScim(
                    ScimgateHttp.scim(core, mounted).register(forwarded)));
            tls = config.servesTls() ? serverTls(config) : null;
            URI root = URI.create((tls != null ? "https://" : "http://") + config.bindAddress() + ":" + config.port() + "/");
            HttpServer http = GrizzlyHttpServerFactory.createHttpServer(root, (GrizzlyHttpContainer) null, tls != null,
                    tls == null ? null : tls.engineConfigurator(), false);
            GrizzlyHttpContainer scim = ContainerFactory.createContainer(GrizzlyHttpContainer.class, scimApplication);
            GrizzlyHttpContainer admin = ContainerFactory.createContainer(GrizzlyHttpContainer.class,
                    logging.instrumentAdmin(metrics.instrumentAdmin(ScimgateHttp.admin(core, mounted).register(forwarded))));
            BackgroundWorkers workers = serverWorkers(heartbeat, tls);
            AtomicBoolean stopping = new AtomicBoolean();
            Map<String, BooleanSupplier> health = new LinkedHashMap<>(core.backgroundWorkers().health());
            health.putAll(workers.health());
            HealthHandler readiness = HealthHandler.readiness(dataSource, StoreSchema.of(config.dbSchema()),
                    Migrations.latestVersion(dataSource, StoreSchema.of(config.dbSchema())), health,
                    stopping::get);
            List<FrontDoor.Mount> mounts = new ArrayList<>(List.of(new FrontDoor.Mount("/scim/v2", scim),
                    new FrontDoor.Mount("/admin/v1", admin),
                    new FrontDoor.Mount("/health", readiness), new FrontDoor.Mount("/health/ready", readiness),
                    new FrontDoor.Mount("/health/live", HealthHandler.liveness()),
                    new FrontDoor.Mount(ConsoleHandler.CONTEXT_PATH, new ConsoleHandler())));
            metrics.serve(http, core, dataSource, config.bindAddress(), config.get(ServerConfig.METRICS_PORT))
                    .ifPresent(handler -> mounts.add(new FrontDoor.Mount(ServerMetrics.PATH, handler)));
            FrontDoor.serve(http, mounts, config.requestBudget());
            sizeWorkersToThePool(http, dataSource.getMaximumPoolSize());
            logging.watch(http);
            http.start();
            core.start();
            workers.start();
            String invitations = invitationDelivery(core, mailer);
            if (core.invitationOutbox().hasSender()) {
                LOG.info("Invitations: {}", invitations);
            } else {
                LOG.warn("Invitations: {}", invitations);
            }
            return new ScimgateServer(config, dataSource, core, http, generated, workers, heartbeat, stopping, invitations, metrics);
        } catch (IOException e) {
            metrics.close();
            dataSource.close();
            throw new UncheckedIOException("Cannot listen on " + config.bindAddress() + ":" + config.port(), e);
        } catch (RuntimeException e) {
            metrics.close();
            dataSource.close();
            if (tls != null) {
                tls.close();
            }
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

    private static ServerTls serverTls(ServerConfig config) {
        try {
            return ServerTls.load(config.get(ServerConfig.TLS_CERT), config.get(ServerConfig.TLS_KEY),
                    config.get(ServerConfig.TLS_RELOAD_INTERVAL));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(List.of(ServerConfig.TLS_CERT.variable() + " / " + ServerConfig.TLS_KEY.variable()
                    + ": " + e.getMessage()));
        }
    }

    /** The server's own workers, beside the core's: the instance heartbeat, and TLS reloads when it serves TLS. */
    private static BackgroundWorkers serverWorkers(InstanceHeartbeat heartbeat, ServerTls tls) {
        BackgroundWorkers workers = new BackgroundWorkers()
                .add(new BackgroundWorkers.Worker("instanceHeartbeat", heartbeat::start, heartbeat::isAlive, heartbeat));
        if (tls != null) {
            workers.add(new BackgroundWorkers.Worker("tlsReload", tls::start, tls::isAlive, tls));
        }
        return workers;
    }

    /**
     * Where invitees accept: SCIMGATE_INVITATION_URL (the host app's page, with {token}), else a
     * path on the public URL that a host app in front of scimgate is expected to serve.
     */
    private static String invitationUrl(ServerConfig config) {
        if (config.invitationUrl() != null) {
            return config.invitationUrl();
        }
        return config.baseUrl(config.port()) + "/accept-invitation?token={token}";
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
        return config.baseUrl(port());
    }

    public ProvisioningCore core() {
        return core;
    }

    /** The instances sharing this server's store, itself included, as of the last heartbeat: each enforces its share of a request budget. */
    public int liveInstances() {
        return heartbeat.liveInstances();
    }

    /** The metrics: what {@code /metrics} serves, and the port of its own listener when configured. */
    public ServerMetrics metrics() {
        return metrics;
    }

    /** The admin token generated at this start, when none was configured or stored before. */
    public Optional<String> generatedAdminToken() {
        return generatedAdminToken;
    }

    /** Stops gracefully within the configured {@code SCIMGATE_SHUTDOWN_GRACE}; see {@link #close(Duration)}. */
    @Override
    public void close() {
        close(config.get(ServerConfig.SHUTDOWN_GRACE));
    }

    /**
     * Stops gracefully: readiness turns 503 at once; the listener stops accepting connections,
     * requests in flight finish for up to {@code grace} (then their connections are closed);
     * meanwhile the background workers stop at a safe point (a webhook delivery or Google sync
     * step under way is finished and recorded); the store closes last.
     */
    public void close(Duration grace) {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        Thread workersStopping = new Thread(() -> {
            core.backgroundWorkers().stop();
            workers.stop();
        }, "scimgate-stop-workers");
        workersStopping.start();
        try {
            http.shutdown(grace.toMillis(), TimeUnit.MILLISECONDS).get(grace.toMillis() + 5000, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            LOG.warn("HTTP server did not stop cleanly: {}", e.toString());
            http.shutdownNow();
        }
        try {
            workersStopping.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            core.provisioningLog().close();
            core.close();
            metrics.close();
            dataSource.close();
        }
    }
}
