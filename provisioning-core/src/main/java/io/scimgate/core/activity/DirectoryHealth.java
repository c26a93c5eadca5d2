package io.scimgate.core.activity;

import java.time.Instant;
import java.util.List;

/**
 * How a directory's identity provider has been talking to scimgate.
 *
 * @param hours the last 24 hours, oldest first, one entry per hour (zeros included)
 */
public record DirectoryHealth(String directoryId, Instant lastRequestAt, Instant lastErrorAt, long requests,
        long errors, long throttled, List<Hour> hours) {

    /** Requests that started in the hour from {@code start}; errors are answers 4xx/5xx, throttled the 429s among them. */
    public record Hour(Instant start, long requests, long errors, long throttled) {
    }
}
