package io.scimgate.server.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private final AtomicLong now = new AtomicLong();
    private final RateLimiter limiter = new RateLimiter(now::get);

    @Test
    void aBurstIsServedThenRequestsWaitForTheRate() {
        for (int i = 0; i < 5; i++) {
            assertEquals(0, limiter.acquire("dir", 10, 5));
        }
        long wait = limiter.acquire("dir", 10, 5);
        assertTrue(wait > 0 && wait <= 100_000_000L, "one token every 100 ms: " + wait);
        now.addAndGet(100_000_000L);
        assertEquals(0, limiter.acquire("dir", 10, 5));
    }

    @Test
    void directoriesHaveTheirOwnBudgets() {
        for (int i = 0; i < 3; i++) {
            assertEquals(0, limiter.acquire("busy", 1, 3));
        }
        assertTrue(limiter.acquire("busy", 1, 3) > 0);
        assertEquals(0, limiter.acquire("quiet", 1, 3));
    }

    @Test
    void tokensNeverExceedTheBurst() {
        now.addAndGet(3_600_000_000_000L);
        for (int i = 0; i < 4; i++) {
            assertEquals(0, limiter.acquire("dir", 100, 4));
        }
        assertTrue(limiter.acquire("dir", 100, 4) > 0);
    }
}
