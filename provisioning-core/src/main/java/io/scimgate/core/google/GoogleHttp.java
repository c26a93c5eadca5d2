package io.scimgate.core.google;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one logical request to Google until it succeeds: rate limits (403 {@code userRateLimitExceeded},
 * {@code quotaExceeded}, 429), server errors (5xx) and broken connections are retried with
 * {@link Backoff}; the same request is sent again, so paging resumes on the page that failed.
 * Anything else, or running out of retries, throws {@link GoogleApiException}.
 */
final class GoogleHttp {

    private static final Logger LOG = LoggerFactory.getLogger(GoogleHttp.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient client;
    private final Backoff backoff;
    private final StopSignal stop;
    private final Runnable beforeEachAttempt;
    private int retries;

    /**
     * @param stop ends waits for answers and backoff pauses early
     * @param beforeEachAttempt called before every attempt (it keeps the sync's lease alive and may throw to stop)
     */
    GoogleHttp(HttpClient client, Backoff backoff, StopSignal stop, Runnable beforeEachAttempt) {
        this.client = client;
        this.backoff = backoff;
        this.stop = stop;
        this.beforeEachAttempt = beforeEachAttempt;
    }

    static HttpClient newClient() {
        // HTTP/1.1: Google serves it, and the h2c upgrade of the JDK client confuses plain-HTTP fakes and proxies.
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT).build();
    }

    /**
     * @param request builds the request afresh for each attempt (a new access token may be needed)
     * @param onUnauthorized called once on a 401, before a single immediate retry
     */
    String send(String what, Supplier<HttpRequest> request, Runnable onUnauthorized) {
        return retrying(what, () -> {
            HttpResponse<String> response;
            try {
                response = stop.await(client.sendAsync(request.get(), HttpResponse.BodyHandlers.ofString()));
            } catch (ExecutionException e) {
                throw new Refusal(GoogleError.noAnswer(e.getCause()));
            }
            if (response.statusCode() / 100 != 2) {
                throw new Refusal(GoogleError.of(response.statusCode(), response.body()));
            }
            return response.body();
        }, onUnauthorized);
    }

    /**
     * Runs {@code attempt} until it succeeds, retrying what {@link GoogleError#retryable()} says
     * with backoff.
     *
     * @param onUnauthorized called once on a 401, before a single immediate retry; null when a 401
     *     is final
     */
    <T> T retrying(String what, Attempt<T> attempt, Runnable onUnauthorized) {
        boolean reauthorised = false;
        int tries = 0;
        while (true) {
            beforeEachAttempt.run();
            GoogleError failure;
            try {
                return attempt.run();
            } catch (Refusal refusal) {
                failure = refusal.error();
            }
            if (failure.status() == 401 && onUnauthorized != null && !reauthorised) {
                reauthorised = true;
                onUnauthorized.run();
                continue;
            }
            if (!failure.retryable()) {
                throw failure.toException(what);
            }
            if (tries >= backoff.maxRetries()) {
                throw new GoogleApiException(failure.status(), failure.reason(), what + " still failed after "
                        + tries + " retries: " + (failure.status() == 0 ? "" : "HTTP " + failure.status() + " ")
                        + (failure.reason() == null ? "" : failure.reason() + ": ") + failure.message());
            }
            LOG.info("{} answered {} {}; retry {} of {} after backoff", what, failure.status(), failure.reason(),
                    tries + 1, backoff.maxRetries());
            pause(tries++);
        }
    }

    /** One try of a call to Google. */
    @FunctionalInterface
    interface Attempt<T> {
        T run() throws Refusal;
    }

    /** Google answered an error, or did not answer: {@link #retrying} decides whether to try again. */
    static final class Refusal extends Exception {

        private final transient GoogleError error;

        Refusal(GoogleError error) {
            super(error.message(), null, false, false);
            this.error = error;
        }

        GoogleError error() {
            return error;
        }
    }

    /** How many retries this sync needed so far. */
    int retries() {
        return retries;
    }

    private void pause(int attempt) {
        retries++;
        backoff.pause(attempt, stop);
    }
}
