package io.scimgate.core.google;

import io.scimgate.core.store.internal.BackgroundLoop;
import java.time.Duration;

/**
 * Runs due Google syncs on one background thread: every {@code poll}, and at once after a "sync
 * now". Each instance runs one; leases share the directories out between instances. Directories
 * are synced one after the other on this thread, so a slow tenant delays the others on this
 * instance only (another instance's scheduler picks up what is due meanwhile).
 */
public final class GoogleSyncScheduler implements AutoCloseable {

    public static final Duration DEFAULT_POLL = Duration.ofSeconds(30);

    private final GoogleSync sync;
    private final StopSignal stop = new StopSignal();
    private final BackgroundLoop loop;

    public GoogleSyncScheduler(GoogleSync sync, Duration poll) {
        this.sync = sync;
        this.loop = new BackgroundLoop("scimgate-google-sync", poll, () -> sync.syncDue(stop), stop::stop);
    }

    public synchronized void start() {
        if (loop.isRunning()) {
            return;
        }
        loop.start();
        sync.directories().onSyncRequested(this::wake);
    }

    /** True while started and its polls are still scheduled (a poll that died with an Error ends them). */
    public boolean isAlive() {
        return loop.isAlive();
    }

    /** Looks for due directories now rather than at the next poll; wakes pending at once count as one. */
    public void wake() {
        loop.wake();
    }

    /**
     * Stops the thread; a run under way stops at its next wait or write, is recorded as failed and
     * frees its lease. It is never interrupted: H2 closes its database when a writing thread is.
     */
    @Override
    public synchronized void close() {
        loop.close();
    }
}
