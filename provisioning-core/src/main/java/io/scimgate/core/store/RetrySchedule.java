package io.scimgate.core.store;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try again after a failure: {@code first} after the first, doubling up to {@code longest}.
 * With {@code jitter}, each wait is between half and all of that, so that instances which failed
 * together do not come back together.
 */
public record RetrySchedule(Duration first, Duration longest, boolean jitter) {

    public RetrySchedule {
        if (first.isNegative() || first.isZero() || longest.compareTo(first) < 0) {
            throw new IllegalArgumentException("A retry schedule needs 0 < first <= longest, not " + first + " and " + longest);
        }
    }

    /** The wait after failure number {@code failures} (1 for the first). */
    public Duration after(int failures) {
        long doubled = first.toMillis() << Math.min(Math.max(failures - 1, 0), 30);
        long capped = doubled <= 0 ? longest.toMillis() : Math.min(doubled, longest.toMillis());
        if (!jitter) {
            return Duration.ofMillis(capped);
        }
        long half = capped / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(capped - half + 1));
    }
}
