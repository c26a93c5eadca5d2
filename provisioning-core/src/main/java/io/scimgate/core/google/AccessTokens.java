package io.scimgate.core.google;

import com.google.api.client.http.HttpResponseException;
import com.google.api.client.http.apache.v2.ApacheHttpTransport;
import com.google.auth.Retryable;
import com.google.auth.oauth2.GoogleCredentials;
import java.io.IOException;
import java.net.URI;
import java.util.List;

/**
 * Access tokens for the Admin SDK, from Google's auth library: the service account's credentials,
 * delegated to the admin they impersonate and scoped to the read-only Admin SDK scopes. The
 * library signs the JWT bearer assertion, asks the token endpoint and reuses the token until
 * shortly before it expires (by the system clock: tokens are Google's time, not scimgate's). One
 * instance serves one sync run; the token lives only in memory. Failures of the token endpoint go
 * through {@link GoogleHttp}'s retries and become {@link GoogleApiException}s with Google's own
 * error code, as any other answer of Google.
 *
 * <p>The token requests go over Apache HttpClient (Google's {@code google-http-client-apache-v2}
 * transport), not the library's default {@code HttpURLConnection} one: that one drops the body of a
 * 401, and Google answers {@code unauthorized_client} (delegation missing) with a 401 (IDP-QUIRKS.md §8.5).
 * Each token request is bounded by google-http-client's own connect and read timeouts (20 s each),
 * not by {@link GoogleOptions#requestTimeout()}: the auth library builds its requests without an
 * initializer that could set them. A stopped sync still stops between attempts ({@link GoogleHttp}).
 */
final class AccessTokens implements AutoCloseable {

    /** Read-only: the sync never changes anything in Google. */
    static final List<String> SCOPES = List.of(
            "https://www.googleapis.com/auth/admin.directory.user.readonly",
            "https://www.googleapis.com/auth/admin.directory.group.readonly",
            "https://www.googleapis.com/auth/admin.directory.group.member.readonly");

    private final ApacheHttpTransport transport = new ApacheHttpTransport();
    private final GoogleCredentials credentials;
    private final String subject;
    private final GoogleHttp http;
    private boolean refused;

    AccessTokens(ServiceAccountKey key, String subject, URI tokenUrl, GoogleHttp http) {
        this.credentials = key.credentials().toBuilder()
                .setTokenServerUri(tokenUrl)
                .setHttpTransportFactory(() -> transport)
                // Retries are GoogleHttp's: its backoff is configurable and stops when the sync is stopped.
                .setDefaultRetriesEnabled(false)
                .build()
                .createScoped(SCOPES)
                .createDelegated(subject);
        this.subject = subject;
        this.http = http;
    }

    /** A token the library still considers valid, fetched first if needed. */
    String current() {
        return http.retrying("the OAuth token request for " + subject, () -> {
            try {
                if (refused) {
                    credentials.refresh();
                    refused = false;
                } else {
                    credentials.refreshIfExpired();
                }
            } catch (IOException e) {
                throw refusal(e);
            }
            return credentials.getAccessToken().getTokenValue();
        }, null);
    }

    /** Forgets the token, after Google refused it. */
    void invalidate() {
        refused = true;
    }

    /**
     * What the library's failure means: Google's error answer (with its code, such as
     * {@code invalid_grant}), no answer at all, or an answer without a usable token. The library's
     * own message is not passed on: it quotes the request.
     */
    private static GoogleHttp.Refusal refusal(IOException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof HttpResponseException answer) {
                return new GoogleHttp.Refusal(GoogleError.of(answer.getStatusCode(), answer.getContent()));
            }
        }
        if (failure instanceof Retryable) {
            Throwable cause = failure.getCause() == null ? failure : failure.getCause();
            return new GoogleHttp.Refusal(GoogleError.noAnswer(cause));
        }
        return new GoogleHttp.Refusal(new GoogleError(200, null, "The OAuth token endpoint answered without a usable access_token"));
    }

    /** Closes the connections to the token endpoint. */
    @Override
    public void close() {
        try {
            transport.shutdown();
        } catch (IOException e) {
            // The run is over either way; a pooled connection that failed to close is only a socket the OS reclaims.
        }
    }

    @Override
    public String toString() {
        return "AccessTokens[" + subject + "]";
    }
}
