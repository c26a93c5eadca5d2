package io.scimgate.core.directory;

import io.scimgate.core.store.internal.BackgroundLoop;
import io.scimgate.core.store.internal.Database;
import java.time.Clock;
import java.time.Duration;

/** Removes sort history no cursor can need any more ({@link SortHistory#prune}), every few minutes. */
public final class SortHistoryPruner implements AutoCloseable {

    static final Duration EVERY = Duration.ofMinutes(10);

    private final BackgroundLoop loop;

    public SortHistoryPruner(Database database, Clock clock) {
        this.loop = new BackgroundLoop("scimgate-sort-history", EVERY, () -> SortHistory.prune(database, clock));
    }

    public void start() {
        loop.start();
    }

    public boolean isRunning() {
        return loop.isRunning();
    }

    @Override
    public void close() {
        loop.close();
    }
}
