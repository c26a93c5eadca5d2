package io.scimgate.core.google;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(64), 8, Backoff.Sleeper.REAL,
            RandomGenerator.of("L64X128MixRandom"));

    @ParameterizedTest(name = "retry {0}: {1}..{2} ms")
    @CsvSource({
            "0, 500, 1000",
            "1, 1000, 2000",
            "2, 2000, 4000",
            "5, 16000, 32000",
            "6, 32000, 64000",
            "7, 32000, 64000",
            "40, 32000, 64000"})
    void eachWaitIsBetweenHalfAndAllOfTheCappedExponentialCeiling(int retry, long min, long max) {
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            long wait = backoff.delay(retry).toMillis();
            assertTrue(wait >= min && wait <= max, wait + " outside " + min + ".." + max);
            seen.add(wait);
        }
        assertTrue(seen.size() > 50, "jitter spreads the waits: " + seen.size() + " distinct values");
    }
}
