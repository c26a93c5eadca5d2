package io.scimgate.core.webhook;

import java.time.Instant;

/** An event queued to be posted again to one endpoint, as the operator asked at {@code requestedAt}. */
public record WebhookResend(String endpointId, long eventId, Instant requestedAt) {
}
