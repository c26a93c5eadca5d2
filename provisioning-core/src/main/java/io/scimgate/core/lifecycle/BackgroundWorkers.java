package io.scimgate.core.lifecycle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Background workers (webhook dispatcher, Google sync scheduler, invitation outbox, ...): started
 * together once, reported alive or not (for a readiness probe), and stopped together at a safe
 * point, each by its own {@code close()}. Starting and stopping twice does nothing more.
 */
public final class BackgroundWorkers {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundWorkers.class);

    /** One worker: how to start it, whether it is alive, how to stop it at a safe point. */
    public record Worker(String name, Runnable start, BooleanSupplier alive, AutoCloseable stop) {
    }

    private final List<Worker> workers = new ArrayList<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean stopped = new AtomicBoolean();

    public BackgroundWorkers add(Worker worker) {
        workers.add(worker);
        return this;
    }

    /** Starts every worker, the first time only. */
    public void start() {
        if (started.compareAndSet(false, true)) {
            workers.forEach(worker -> worker.start().run());
        }
    }

    /** Each worker by name, true while it runs. */
    public Map<String, BooleanSupplier> health() {
        Map<String, BooleanSupplier> health = new LinkedHashMap<>();
        workers.forEach(worker -> health.put(worker.name(), worker.alive()));
        return health;
    }

    /** Stops every worker at once, each at its next safe point, and waits for all of them; once. */
    public void stop() {
        if (!started.get() || !stopped.compareAndSet(false, true)) {
            return;
        }
        List<Thread> stopping = new ArrayList<>();
        for (Worker worker : workers) {
            Thread thread = new Thread(() -> {
                try {
                    worker.stop().close();
                } catch (Exception e) {
                    LOG.warn("Stopping {} failed: {}", worker.name(), e.toString());
                }
            }, "scimgate-stop-" + worker.name());
            thread.start();
            stopping.add(thread);
        }
        for (Thread thread : stopping) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
