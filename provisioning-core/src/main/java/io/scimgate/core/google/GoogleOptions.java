package io.scimgate.core.google;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Where Google is and how patiently to talk to it. The URLs point at Google unless changed, which
 * only tests (a local fake of the Admin SDK) or an egress proxy need.
 *
 * @param tokenUrl where the OAuth 2.0 token requests go; the signed assertion's {@code aud} stays
 *     Google's token endpoint whatever this is (the auth library sets it), as Google expects
 * @param apiBaseUrl the Admin SDK host; paths {@code /admin/directory/v1/...} are appended
 * @param lease how long a sync holds a directory without renewing; a crashed instance's lease
 *     is taken over after this
 * @param runsKept how many runs of each directory the history keeps
 */
public record GoogleOptions(URI tokenUrl, URI apiBaseUrl, Backoff backoff, Duration requestTimeout, Duration lease,
        int runsKept) {

    public static final URI GOOGLE_TOKEN_URL = URI.create("https://oauth2.googleapis.com/token");
    public static final URI GOOGLE_API_BASE_URL = URI.create("https://admin.googleapis.com");

    public GoogleOptions {
        Objects.requireNonNull(tokenUrl, "tokenUrl");
        Objects.requireNonNull(apiBaseUrl, "apiBaseUrl");
        Objects.requireNonNull(backoff, "backoff");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(lease, "lease");
    }

    public static GoogleOptions defaults() {
        return new GoogleOptions(GOOGLE_TOKEN_URL, GOOGLE_API_BASE_URL, Backoff.defaults(), Duration.ofSeconds(60),
                Duration.ofMinutes(5), 100);
    }

    public GoogleOptions withEndpoints(URI newTokenUrl, URI newApiBaseUrl) {
        return new GoogleOptions(newTokenUrl, newApiBaseUrl, backoff, requestTimeout, lease, runsKept);
    }

    public GoogleOptions withBackoff(Backoff newBackoff) {
        return new GoogleOptions(tokenUrl, apiBaseUrl, newBackoff, requestTimeout, lease, runsKept);
    }

    public GoogleOptions withLease(Duration newLease) {
        return new GoogleOptions(tokenUrl, apiBaseUrl, backoff, requestTimeout, newLease, runsKept);
    }
}
