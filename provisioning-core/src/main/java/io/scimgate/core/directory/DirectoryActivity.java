package io.scimgate.core.directory;

import java.time.Instant;

/**
 * What a directory's identity provider has been doing: when it first authenticated (the directory
 * became active, {@code dsync.activated}), its last request, its last request that failed (status
 * 400 or above), and how many of each.
 */
public record DirectoryActivity(Instant activatedAt, Instant lastRequestAt, Instant lastErrorAt, long requestCount,
        long errorCount) {

    static final DirectoryActivity NONE = new DirectoryActivity(null, null, null, 0, 0);

    DirectoryActivity plus(long requests, long errors, Instant lastRequest, Instant lastError) {
        return new DirectoryActivity(activatedAt, later(lastRequestAt, lastRequest), later(lastErrorAt, lastError),
                requestCount + requests, errorCount + errors);
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || a.isAfter(b) ? a : b;
    }
}
