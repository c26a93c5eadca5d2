package io.scimgate.core.store.internal;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One round of work run again and again on its own daemon thread: every {@code every}, and at once
 * when woken (wakes pending at once count as one). A failing round is logged and the next one
 * tries again; closing lets the round under way finish (after telling it to stop early, if the
 * loop was made with a {@code beforeStop}).
 */
public final class BackgroundLoop implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BackgroundLoop.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private final String name;
    private final Duration every;
    private final Runnable round;
    private final Runnable beforeStop;
    private final AtomicBoolean wakePending = new AtomicBoolean();
    private volatile ScheduledExecutorService executor;
    private volatile ScheduledFuture<?> ticks;

    public BackgroundLoop(String name, Duration every, Runnable round) {
        this(name, every, round, () -> { });
    }

    /** @param beforeStop tells the round under way to end at its next safe point, when closing */
    public BackgroundLoop(String name, Duration every, Runnable round, Runnable beforeStop) {
        this.name = name;
        this.every = every;
        this.round = round;
        this.beforeStop = beforeStop;
    }

    public synchronized void start() {
        if (executor != null) {
            return;
        }
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
        ticks = executor.scheduleWithFixedDelay(this::runSafely, 0, every.toMillis(), TimeUnit.MILLISECONDS);
    }

    public boolean isRunning() {
        return executor != null;
    }

    /** True while started and its rounds are still scheduled (a round that died with an Error ends them). */
    public boolean isAlive() {
        ScheduledFuture<?> scheduled = ticks;
        return executor != null && scheduled != null && !scheduled.isDone();
    }

    /** Runs a round now rather than at the next tick, if the loop is running. */
    public void wake() {
        ScheduledExecutorService running = executor;
        if (running == null || !wakePending.compareAndSet(false, true)) {
            return;
        }
        try {
            running.execute(() -> {
                wakePending.set(false);
                runSafely();
            });
        } catch (RejectedExecutionException stopped) {
            wakePending.set(false);
        }
    }

    private void runSafely() {
        try {
            round.run();
        } catch (RuntimeException e) {
            // The store unreachable, say: the next round tries again.
            LOG.warn("A round of {} failed: {}", name, e.toString());
        }
    }

    @Override
    public synchronized void close() {
        if (executor == null) {
            return;
        }
        beforeStop.run();
        executor.shutdown();
        try {
            if (!executor.awaitTermination(STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("{} did not stop within {}", name, STOP_WAIT);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        executor = null;
    }
}
