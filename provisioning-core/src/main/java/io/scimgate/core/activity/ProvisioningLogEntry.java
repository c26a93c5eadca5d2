package io.scimgate.core.activity;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * One logged SCIM request: when, what, how it was answered, what it changed and why.
 *
 * @param changes a JSON array: per change its {@code event} type and the changed record's key fields
 * @param reason a sentence for the operator, e.g. "pending: domain contractor.io not verified for Acme"
 */
public record ProvisioningLogEntry(long id, String directoryId, Instant receivedAt, String method, String path,
        int status, long durationMillis, JsonNode changes, String reason) {
}
