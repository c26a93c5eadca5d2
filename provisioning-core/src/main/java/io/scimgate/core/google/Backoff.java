package io.scimgate.core.google;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential backoff with jitter for Google's rate limits and server errors: the n-th retry
 * waits between half and all of {@code min(max, initial * 2^n)}, so that instances throttled
 * together do not come back together, yet every wait is longer than the previous one's floor.
 */
public record Backoff(Duration initial, Duration max, int maxRetries, Sleeper sleeper, RandomGenerator random) {

    public static Backoff defaults() {
        return new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(64), 8, Sleeper.REAL, RandomGenerator.getDefault());
    }

    public Backoff withSleeper(Sleeper newSleeper) {
        return new Backoff(initial, max, maxRetries, newSleeper, random);
    }

    /** The wait before retry number {@code retry} (0 for the first). */
    public Duration delay(int retry) {
        long ceiling = initial.toMillis() << Math.min(retry, 30);
        long cap = Math.min(max.toMillis(), ceiling <= 0 ? Long.MAX_VALUE : ceiling);
        long half = cap / 2;
        return Duration.ofMillis(half + random.nextLong(cap - half + 1));
    }

    void pause(int retry, StopSignal stop) {
        sleeper.sleep(delay(retry), stop);
    }

    /** How the sync waits; tests pass one that moves a test clock instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {

        /** Really waits, but no longer than until the sync is asked to stop. */
        Sleeper REAL = (duration, stop) -> stop.sleep(duration);

        void sleep(Duration duration, StopSignal stop);
    }
}
