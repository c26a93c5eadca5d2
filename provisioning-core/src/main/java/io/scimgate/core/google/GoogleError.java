package io.scimgate.core.google;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Set;

/**
 * An error answer of Google, in either of its shapes: the APIs'
 * {@code {"error":{"code","message","errors":[{"reason"}]}}} or the token endpoint's
 * {@code {"error":"invalid_grant","error_description"}}.
 */
record GoogleError(int status, String reason, String message) {

    /** The 403 reasons Google documents as "slow down": retried with backoff, like 429 and 5xx. */
    private static final Set<String> RATE_LIMITS = Set.of("userRateLimitExceeded", "rateLimitExceeded", "quotaExceeded");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_MESSAGE = 300;

    static GoogleError of(int status, String body) {
        JsonNode error = parse(body).path("error");
        if (error.isTextual()) {
            JsonNode description = parse(body).path("error_description");
            return new GoogleError(status, error.asText(), description.isTextual() ? clip(description.asText()) : error.asText());
        }
        String reason = error.path("errors").path(0).path("reason").asText(null);
        String message = error.path("message").asText(null);
        return new GoogleError(status, reason, message == null ? "HTTP " + status : clip(message));
    }

    /** No answer came: the connection failed or broke. */
    static GoogleError noAnswer(Throwable cause) {
        return new GoogleError(0, null, "no answer (" + cause.getClass().getSimpleName() + ")");
    }

    /** Slowing down or trying again may help: rate limits, server errors, and no answer at all. */
    boolean retryable() {
        return status == 0 || status == 429 || status >= 500 || (status == 403 && RATE_LIMITS.contains(reason));
    }

    GoogleApiException toException(String request) {
        return new GoogleApiException(status, reason, request + " failed with HTTP " + status
                + (reason == null ? "" : " " + reason) + ": " + message);
    }

    private static String clip(String text) {
        return text.length() <= MAX_MESSAGE ? text : text.substring(0, MAX_MESSAGE) + "…";
    }

    private static JsonNode parse(String body) {
        try {
            JsonNode node = body == null || body.isBlank() ? null : JSON.readTree(body);
            return node == null ? JSON.createObjectNode() : node;
        } catch (IOException e) {
            return JSON.createObjectNode();
        }
    }
}
