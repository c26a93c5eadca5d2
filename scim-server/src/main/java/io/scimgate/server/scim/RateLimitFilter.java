package io.scimgate.server.scim;

import io.scimgate.core.directory.Directory;
import io.scimgate.server.http.RateLimiter;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;

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

    public RateLimitFilter(RateLimiter limiter, int defaultPerSecond, int defaultBurst) {
        this.limiter = limiter;
        this.defaultPerSecond = defaultPerSecond;
        this.defaultBurst = defaultBurst;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        Directory directory = ScimRequest.current().directory();
        int perSecond = directory.rateLimitPerSecond() != null ? directory.rateLimitPerSecond() : defaultPerSecond;
        int burst = directory.rateLimitBurst() != null ? directory.rateLimitBurst() : defaultBurst;
        long waitNanos = limiter.acquire(directory.id(), perSecond, burst);
        if (waitNanos > 0) {
            long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
            request.abortWith(ScimErrors.builder(429, null, "This directory sends more than " + perSecond
                            + " requests per second; retry after " + seconds + " s")
                    .header(HttpHeaders.RETRY_AFTER, Long.toString(seconds))
                    .build());
        }
    }
}
