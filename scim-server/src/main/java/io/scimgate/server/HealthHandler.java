package io.scimgate.server;

import io.scimgate.core.store.Migrations;
import io.scimgate.core.store.StoreSchema;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.glassfish.grizzly.http.server.HttpHandler;
import org.glassfish.grizzly.http.server.Request;
import org.glassfish.grizzly.http.server.Response;

/**
 * Health probes, without authentication and without any data: each check is only named with
 * {@code ok} or {@code failing}.
 * <ul>
 * <li>{@code GET /health/live}: 200 while the process serves HTTP at all (restart it otherwise).</li>
 * <li>{@code GET /health/ready} (and {@code /health}): 200 when the store answers, holds this
 * code's newest migration, and the background workers run; 503 otherwise, and from the moment a
 * graceful shutdown begins, so that a load balancer stops sending requests here.</li>
 * </ul>
 */
final class HealthHandler extends HttpHandler {

    private static final int DATABASE_TIMEOUT_SECONDS = 2;

    private static final ExecutorService CHECKS = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "scimgate-health");
        thread.setDaemon(true);
        return thread;
    });

    private final AtomicReference<CompletableFuture<boolean[]>> inFlight = new AtomicReference<>();
    private final boolean readiness;
    private final DataSource dataSource;
    private final StoreSchema schema;
    private final String schemaVersion;
    private final Map<String, BooleanSupplier> workers;
    private final BooleanSupplier stopping;

    private HealthHandler(boolean readiness, DataSource dataSource, StoreSchema schema, String schemaVersion,
            Map<String, BooleanSupplier> workers, BooleanSupplier stopping) {
        this.readiness = readiness;
        this.dataSource = dataSource;
        this.schema = schema;
        this.schemaVersion = schemaVersion;
        this.workers = workers;
        this.stopping = stopping;
    }

    static HealthHandler liveness() {
        return new HealthHandler(false, null, StoreSchema.CURRENT, null, Map.of(), () -> false);
    }

    /**
     * @param schemaVersion the newest migration this code applied at start
     * @param workers each background worker by name, true while it runs
     * @param stopping true once a graceful shutdown has begun
     */
    static HealthHandler readiness(DataSource dataSource, StoreSchema schema, String schemaVersion,
            Map<String, BooleanSupplier> workers, BooleanSupplier stopping) {
        return new HealthHandler(true, dataSource, schema, schemaVersion, Map.copyOf(workers), stopping);
    }

    @Override
    public void service(Request request, Response response) throws Exception {
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        if (!readiness) {
            response.setStatus(200);
            response.getWriter().write("{\"status\":\"live\"}");
            return;
        }
        Map<String, Boolean> checks = new LinkedHashMap<>();
        boolean[] store = storeChecks();
        checks.put("database", store[0]);
        checks.put("migrations", store[1]);
        workers.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(worker -> checks.put(worker.getKey(), worker.getValue().getAsBoolean()));
        boolean draining = stopping.getAsBoolean();
        boolean ready = !draining && !checks.containsValue(false);
        response.setStatus(ready ? 200 : 503);
        response.getWriter().write("{\"status\":\"" + (ready ? "ready" : draining ? "stopping" : "unavailable") + "\",\"checks\":{"
                + checks.entrySet().stream().map(check -> "\"" + check.getKey() + "\":\"" + (check.getValue() ? "ok" : "failing") + "\"")
                        .collect(Collectors.joining(",")) + "}}");
    }

    /**
     * The store checks, bounded in time: a probe must answer even when the pool waits for a
     * connection the store does not give. Probes that come while a check is under way share it.
     */
    private boolean[] storeChecks() {
        CompletableFuture<boolean[]> check = inFlight.updateAndGet(current -> current != null && !current.isDone() ? current
                : CompletableFuture.supplyAsync(this::storeChecksNow, CHECKS));
        try {
            return check.get(DATABASE_TIMEOUT_SECONDS + 1, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return new boolean[] {false, false};
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new boolean[] {false, false};
        }
    }

    /** @return whether the store answers, and whether it holds this code's newest migration */
    private boolean[] storeChecksNow() {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid(DATABASE_TIMEOUT_SECONDS)) {
                return new boolean[] {false, false};
            }
            return new boolean[] {true, schemaVersion == null || Migrations.isApplied(connection, schema, schemaVersion)};
        } catch (Exception e) {
            return new boolean[] {false, false};
        }
    }
}
