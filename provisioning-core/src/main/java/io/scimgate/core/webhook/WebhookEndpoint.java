package io.scimgate.core.webhook;

import java.time.Instant;
import java.util.List;

/**
 * Where events are posted. {@code cursorEventId} is the last event it has handled; with
 * {@code attempts > 0} the next one is failing and is retried at {@code nextAttemptAt}.
 */
public record WebhookEndpoint(String id, String url, String organizationId, List<String> eventTypes,
        long cursorEventId, int attempts, Instant nextAttemptAt, String lastError, Instant createdAt) {
}
