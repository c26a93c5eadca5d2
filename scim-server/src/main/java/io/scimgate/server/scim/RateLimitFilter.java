package io.scimgate.server.scim;

import io.scimgate.core.directory.Directory;
import io.scimgate.server.http.RateLimiter;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.function.IntSupplier;

/**
 * Each directory gets a request budget (IDP-QUIRKS.md §10.18): beyond it, 429 with
 * {@code Retry-After} in seconds, before anything is read or written. The default is well above the
 * 25 requests per second Entra asks gallery apps to take, since Entra's non-gallery jobs do not
 * throttle themselves; a directory can have its own budget.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION + 10)
public final class RateLimitFilter implements ContainerRequestFilter {

    private final RateLimiter limiter;
    private final int defaultPerSecond;
    private final int defaultBurst;
    private final IntSupplier liveInstances;

    public RateLimitFilter(RateLimiter limiter, int defaultPerSecond, int defaultBurst) {
        this(limiter, defaultPerSecond, defaultBurst, () -> 1);
    }

    /**
     * @param liveInstances how many instances share the store (a field read, no database round
     *     trip): each enforces its share of a directory's budget, so that adding instances does
     *     not multiply it, as long as the load balancer spreads a directory's requests over them
     */
    public RateLimitFilter(RateLimiter limiter, int defaultPerSecond, int defaultBurst, IntSupplier liveInstances) {
        this.limiter = limiter;
        this.defaultPerSecond = defaultPerSecond;
        this.defaultBurst = defaultBurst;
        this.liveInstances = liveInstances;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Directory directory = ScimRequest.current().directory();
        int perSecond = directory.rateLimitPerSecond() != null ? directory.rateLimitPerSecond() : defaultPerSecond;
        int burst = directory.rateLimitBurst() != null ? directory.rateLimitBurst() : defaultBurst;
        int instances = Math.max(1, liveInstances.getAsInt());
        long waitNanos = limiter.acquire(directory.id(), share(perSecond, instances), share(burst, instances));
        if (waitNanos > 0) {
            long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
            request.abortWith(ScimErrors.builder(429, null, "This directory sends more than " + perSecond
                            + " requests per second; retry after " + seconds + " s")
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                    .build());
        }
    }

    /** This instance's part of a budget: rounded up, so that a small budget still lets requests through. */
    private static int share(int budget, int instances) {
        return (budget + instances - 1) / instances;
    }
}
