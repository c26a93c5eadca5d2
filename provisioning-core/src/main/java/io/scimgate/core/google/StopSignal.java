package io.scimgate.core.google;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks running syncs to stop at their next wait (an HTTP answer, a backoff pause) or checkpoint.
 * Syncs are never interrupted instead: an interrupt during a write makes H2 close its database.
 */
public final class StopSignal {

    private final CompletableFuture<Void> stopped = new CompletableFuture<>();

    public void stop() {
        stopped.complete(null);
    }

    public boolean isStopped() {
        return stopped.isDone();
    }

    /** Throws {@link CancellationException} once stopped. */
    public void check() {
        if (isStopped()) {
            throw cancelled();
        }
    }

    /** Waits {@code duration}, or less when stopped meanwhile (then throws). */
    public void sleep(Duration duration) {
        try {
            stopped.get(duration.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException elapsed) {
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
        throw cancelled();
    }

    /** The result of {@code future}, unless stopped first: then the future is cancelled and this throws. */
    <T> T await(CompletableFuture<T> future) throws ExecutionException {
        CompletableFuture.anyOf(future, stopped).handle((result, failure) -> null).join();
        if (!future.isDone()) {
            future.cancel(true);
            throw cancelled();
        }
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw cancelled();
        }
    }

    private static CancellationException cancelled() {
        return new CancellationException("The sync was stopped");
    }
}
