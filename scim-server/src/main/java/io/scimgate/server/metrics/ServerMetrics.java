package io.scimgate.server.metrics;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.scimgate.core.ProvisioningCore;
import io.scimgate.core.monitoring.CoreMonitor;
import io.scimgate.server.logging.DirectoryProviders;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.HttpServer;
import org.glassfish.grizzly.http.server.NetworkListener;
import org.glassfish.jersey.server.ResourceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's metrics, in one Micrometer registry exposed for Prometheus at {@code /metrics}:
 * HTTP requests, provisioning outcomes, 429s, events written, webhook deliveries and their lag,
 * invitation deliveries, Google sync runs, the connection pool (HikariCP's own binding), the JVM
 * and the process. The core reports through {@link CoreMonitor}; nothing here calls the store on a
 * request's path (the webhook lag is read when scraped, at most every {@link #LAG_REFRESH}).
 */
public final class ServerMetrics implements AutoCloseable {

    public static final String PATH = "/metrics";

    static final Duration LAG_REFRESH = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(ServerMetrics.class);

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final DirectoryProviders providers;
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final Map<String, Counter> eventsWritten = new ConcurrentHashMap<>();
    private HttpServer ownListener;

    public ServerMetrics(DirectoryProviders providers) {
        this.providers = providers;
        new ClassLoaderMetrics().bindTo(registry);
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
    }

    /** For the core's builder: counts what the core reports. */
    public CoreMonitor coreMonitor() {
        return new CoreMetrics(registry, providers);
    }

    /** Registers the filters that name each request's resource for the HTTP metrics. */
    public ResourceConfig instrumentScim(ResourceConfig scim) {
        return scim.register(RouteTemplate.scim());
    }

    public ResourceConfig instrumentAdmin(ResourceConfig admin) {
        return admin.register(RouteTemplate.admin());
    }

    /**
     * Measures the running server: its store's pool and events, its HTTP requests, and serves
     * {@code /metrics} on {@code metricsPort} (0: a free port) or, when that is null, answers the
     * handler to mount at {@link #PATH} on the main listener, behind the admin token.
     */
    public Optional<HttpHandler> serve(HttpServer http, ProvisioningCore core, HikariDataSource dataSource, String bindAddress,
            Integer metricsPort) {
        dataSource.setMetricRegistry(registry);
        core.events().addListener(event -> eventsWritten.computeIfAbsent(event.event(), type -> Counter.builder("scimgate.events")
                .description("Events written to the event log, by type").tag("event", type).register(registry)).increment());
        WebhookLag lag = new WebhookLag(core.webhookDispatcher()::oldestUndeliveredEventAt, Clock.systemUTC(), LAG_REFRESH);
        Gauge.builder("scimgate.webhook.oldest.undelivered.age", lag, WebhookLag::seconds)
                .description("Age of the oldest event some webhook endpoint has not received yet (0 when all are up to date)")
                .baseUnit("seconds")
                .strongReference(true)
                .register(registry);
        http.getServerConfiguration().getMonitoringConfig().getWebServerConfig().addProbes(new HttpMetrics(registry));
        if (metricsPort == null) {
            return Optional.of(new MetricsHandler(registry, core.adminTokens()));
        }
        ownListener = new HttpServer();
        ownListener.addListener(new NetworkListener("scimgate-metrics", bindAddress, metricsPort));
        ownListener.getServerConfiguration().addHttpHandler(new MetricsHandler(registry, null), PATH);
        try {
            ownListener.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen for metrics on " + bindAddress + ":" + metricsPort, e);
        }
        LOG.info("Metrics: http://{}:{}/metrics", bindAddress, port().orElse(metricsPort));
        return Optional.empty();
    }

    /** The port of the metrics' own listener, when SCIMGATE_METRICS_PORT gave it one. */
    public OptionalInt port() {
        return ownListener == null ? OptionalInt.empty()
                : OptionalInt.of(ownListener.getListeners().iterator().next().getPort());
    }

    /** What {@code /metrics} answers now. */
    public String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() {
        if (ownListener != null) {
            ownListener.shutdownNow();
            ownListener = null;
        }
        gc.close();
        registry.close();
    }

    /** The webhook lag, read from the store at most once per refresh interval. */
    static final class WebhookLag {
        private final java.util.function.Supplier<java.util.Optional<Instant>> oldest;
        private final Clock clock;
        private final Duration refresh;
        private Instant readAt = Instant.MIN;
        private double seconds;

        WebhookLag(java.util.function.Supplier<java.util.Optional<Instant>> oldest, Clock clock, Duration refresh) {
            this.oldest = oldest;
            this.clock = clock;
            this.refresh = refresh;
        }

        synchronized double seconds() {
            Instant now = clock.instant();
            if (Duration.between(readAt, now).compareTo(refresh) >= 0) {
                try {
                    seconds = oldest.get().map(at -> Math.max(0, Duration.between(at, now).toMillis() / 1000.0)).orElse(0.0);
                } catch (RuntimeException e) {
                    LOG.warn("Webhook lag not measured: {}", e.toString());
                    seconds = Double.NaN;
                }
                readAt = now;
            }
            return seconds;
        }
    }
}
