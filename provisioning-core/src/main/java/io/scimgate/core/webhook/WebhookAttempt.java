package io.scimgate.core.webhook;

import java.time.Instant;

/** One attempt to deliver one event: {@code delivered}, {@code failed} (will retry) or {@code gave_up}. */
public record WebhookAttempt(long eventId, int attempt, String outcome, Integer statusCode, String error,
        Instant createdAt) {
}
