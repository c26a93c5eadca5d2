package io.scimgate.core.google;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs due Google syncs on one background thread: every {@code poll}, and at once after a "sync
 * now". Each instance runs one; leases share the directories out between instances. Directories
 * are synced one after the other on this thread, so a slow tenant delays the others on this
 * instance only (another instance's scheduler picks up what is due meanwhile).
 */
public final class GoogleSyncScheduler implements AutoCloseable {

    public static final Duration DEFAULT_POLL = Duration.ofSeconds(30);
    private static final Logger LOG = LoggerFactory.getLogger(GoogleSyncScheduler.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(20);

    private final GoogleSync sync;
    private final Duration poll;
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private final StopSignal stop = new StopSignal();
    private volatile ScheduledExecutorService executor;
    private volatile ScheduledFuture<?> ticks;

    public GoogleSyncScheduler(GoogleSync sync, Duration poll) {
        this.sync = sync;
        this.poll = poll;
    }

    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "scimgate-google-sync");
            thread.setDaemon(true);
            return thread;
        });
        ticks = executor.scheduleWithFixedDelay(this::tick, 0, poll.toMillis(), TimeUnit.MILLISECONDS);
        sync.directories().onSyncRequested(this::wake);
    }

    /** True while started and its polls are still scheduled (a poll that died with an Error ends them). */
    public boolean isAlive() {
        ScheduledFuture<?> scheduled = ticks;
        return executor != null && scheduled != null && !scheduled.isDone();
    }

    /** Looks for due directories now rather than at the next poll; wakes pending at once count as one. */
    public void wake() {
        ExecutorService running = executor;
        if (running == null || !wakePending.compareAndSet(false, true)) {
            return;
        }
        try {
            running.execute(() -> {
                wakePending.set(false);
                tick();
            });
        } catch (RejectedExecutionException stopped) {
            wakePending.set(false);
        }
    }

    private void tick() {
        try {
            sync.syncDue(stop);
        } catch (RuntimeException e) {
            // A failing tick (the store unreachable, say) must not end the schedule; the next one retries.
            LOG.warn("Looking for due Google syncs failed: {}", e.toString());
        }
    }

    /**
     * Stops the thread; a run under way stops at its next wait or write, is recorded as failed and
     * frees its lease. It is never interrupted: H2 closes its database when a writing thread is.
     */
    @Override
    public synchronized void close() {
        if (executor == null) {
            return;
        }
        stop.stop();
        executor.shutdown();
        try {
            if (!executor.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("The Google sync thread did not stop within {}", STOP_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor = null;
    }
}
