package io.scimgate.server.http;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.LongSupplier;

/**
 * Token buckets, one per key (a directory): {@code perSecond} tokens flow in each second up to
 * {@code burst}; a request takes one. Kept in memory, so each server instance enforces the budget
 * on its own share of the traffic.
 */
public final class RateLimiter {

    private final ConcurrentMap<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    public RateLimiter() {
        this(System::nanoTime);
    }

    public RateLimiter(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
    }

    /** @return 0 when the request may go on, else the nanoseconds until a token will be there */
    public long acquire(String key, int perSecond, int burst) {
        return buckets.computeIfAbsent(key, ignored -> new Bucket(burst, nanoTime.getAsLong()))
                .take(perSecond, burst, nanoTime.getAsLong());
    }

    private static final class Bucket {
        private double tokens;
        private long refilledAt;

        Bucket(int burst, long now) {
            this.tokens = burst;
            this.refilledAt = now;
        }

        synchronized long take(int perSecond, int burst, long now) {
            tokens = Math.min(burst, tokens + (now - refilledAt) * perSecond / 1e9);
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) * 1e9 / perSecond);
        }
    }
}
