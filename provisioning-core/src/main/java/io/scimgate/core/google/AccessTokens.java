package io.scimgate.core.google;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Access tokens for the Admin SDK, obtained with the JWT bearer grant as the impersonated admin and
 * reused until shortly before they expire. One instance serves one sync run; the token lives only
 * in memory.
 */
final class AccessTokens {

    /** Read-only: the sync never changes anything in Google. */
    static final List<String> SCOPES = List.of(
            "https://www.googleapis.com/auth/admin.directory.user.readonly",
            "https://www.googleapis.com/auth/admin.directory.group.readonly",
            "https://www.googleapis.com/auth/admin.directory.group.member.readonly");
    private static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    private static final Duration EARLY_RENEWAL = Duration.ofMinutes(1);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ServiceAccountKey key;
    private final String subject;
    private final URI tokenUrl;
    private final GoogleHttp http;
    private final Clock clock;
    private final Duration timeout;
    private String token;
    private Instant expiresAt = Instant.MIN;

    AccessTokens(ServiceAccountKey key, String subject, URI tokenUrl, GoogleHttp http, Clock clock, Duration timeout) {
        this.key = key;
        this.subject = subject;
        this.tokenUrl = tokenUrl;
        this.http = http;
        this.clock = clock;
        this.timeout = timeout;
    }

    /** A token valid for at least another minute. */
    String current() {
        if (token == null || clock.instant().isAfter(expiresAt.minus(EARLY_RENEWAL))) {
            fetch();
        }
        return token;
    }

    /** Forgets the token, after Google refused it. */
    void invalidate() {
        token = null;
    }

    private void fetch() {
        String body = http.send("the OAuth token request for " + subject, () -> {
            Instant now = clock.instant();
            String assertion = ServiceAccountAssertion.sign(key, subject, SCOPES, tokenUrl.toString(), now);
            String form = "grant_type=" + URLEncoder.encode(JWT_BEARER, StandardCharsets.UTF_8)
                    + "&assertion=" + URLEncoder.encode(assertion, StandardCharsets.UTF_8);
            return HttpRequest.newBuilder(tokenUrl)
                    .timeout(timeout)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build();
        }, () -> { });
        JsonNode answer;
        try {
            answer = JSON.readTree(body);
        } catch (IOException e) {
            throw new GoogleApiException(200, null, "The OAuth token endpoint answered something that is not JSON");
        }
        String accessToken = answer.path("access_token").asText("");
        if (accessToken.isEmpty()) {
            throw new GoogleApiException(200, null, "The OAuth token endpoint answered without an access_token");
        }
        token = accessToken;
        expiresAt = clock.instant().plusSeconds(answer.path("expires_in").asLong(3600));
    }

    @Override
    public String toString() {
        return "AccessTokens[" + key.clientEmail() + " as " + subject + "]";
    }
}
