package io.scimgate.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.scimgate.server.logging.RequestProbe;
import io.scimgate.server.logging.ScimDirectoryContext;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * {@code scimgate_http_server_requests_seconds}: every HTTP request's latency by api, directory,
 * provider, resource, method and status, with a fixed set of histogram buckets; and
 * {@code scimgate_scim_throttled_total} for the 429s of each directory. Every label has a bounded
 * set of values (directory and provider only once the directory's token was accepted; see
 * {@link RouteTemplate} for the resource). Costs a request a map look-up and a timer update, never
 * a call to the store.
 */
final class HttpMetrics extends RequestProbe {

    static final String REQUESTS = "scimgate.http.server.requests";
    static final String THROTTLED = "scimgate.scim.throttled";
    private static final String NONE = "none";
    private static final String STARTED = HttpMetrics.class.getName() + ".started";
    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    private static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    /** Written out, not generated: a record's generated equals and hashCode cost every request measurably more. */
    private record Key(String api, String directory, String provider, String resource, String method, int status) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && status == key.status && api.equals(key.api)
                    && directory.equals(key.directory) && provider.equals(key.provider)
                    && resource.equals(key.resource) && method.equals(key.method);
        }

        @Override
        public int hashCode() {
            int hash = api.hashCode();
            hash = 31 * hash + directory.hashCode();
            hash = 31 * hash + provider.hashCode();
            hash = 31 * hash + resource.hashCode();
            hash = 31 * hash + method.hashCode();
            return 31 * hash + status;
        }
    }

    private final MeterRegistry registry;
    private final Map<Key, Timer> timers = new ConcurrentHashMap<>();
    private final Map<Key, Counter> throttled = new ConcurrentHashMap<>();

    HttpMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    protected void received(Request request) {
        request.setAttribute(STARTED, System.nanoTime());
    }

    @Override
    protected void completed(Request request, Response response) {
        if (!(request.getAttribute(STARTED) instanceof Long started)) {
            return;
        }
        long nanos = System.nanoTime() - started;
        String method = request.getMethod().getMethodString();
        Key key = new Key(api(request.getRequestURI()), label(request.getAttribute(ScimDirectoryContext.DIRECTORY_ATTRIBUTE)),
                label(request.getAttribute(ScimDirectoryContext.PROVIDER_ATTRIBUTE)),
                request.getAttribute(RouteTemplate.ATTRIBUTE) instanceof String resource ? resource : RouteTemplate.UNMATCHED,
                METHODS.contains(method) ? method : "OTHER", response.getStatus());
        timers.computeIfAbsent(key, this::timer).record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
        if (key.status() == 429 && key.api().equals("scim")) {
            throttled.computeIfAbsent(new Key("scim", key.directory(), key.provider(), "", "", 429), this::throttledCounter)
                    .increment();
        }
    }

    private Timer timer(Key key) {
        return Timer.builder(REQUESTS)
                .description("HTTP requests served, by API, directory, provider, resource, method and status")
                .tag("api", key.api())
                .tag("directory", key.directory())
                .tag("provider", key.provider())
                .tag("resource", key.resource())
                .tag("method", key.method())
                .tag("status", Integer.toString(key.status()))
                .serviceLevelObjectives(BUCKETS)
                .register(registry);
    }

    private Counter throttledCounter(Key key) {
        return Counter.builder(THROTTLED)
                .description("SCIM requests answered 429: the directory was over its request budget")
                .tag("directory", key.directory())
                .tag("provider", key.provider())
                .register(registry);
    }

    private static String label(Object value) {
        return value instanceof String text ? text : NONE;
    }

    static String api(String path) {
        if (path == null) {
            return "other";
        }
        if (path.startsWith("/scim/")) {
            return "scim";
        }
        if (path.startsWith("/admin/")) {
            return "admin";
        }
        if (path.equals("/health") || path.startsWith("/health/")) {
            return "health";
        }
        if (path.startsWith("/console")) {
            return "console";
        }
        return path.equals("/metrics") ? "metrics" : "other";
    }
}
