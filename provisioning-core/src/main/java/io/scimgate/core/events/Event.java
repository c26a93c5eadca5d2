package io.scimgate.core.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/**
 * Something that happened, as recorded (P25). {@code id}s increase strictly in commit order;
 * consumers remember the last id they handled and deduplicate by it.
 */
public record Event(long id, String event, String organizationId, String directoryId, JsonNode data,
        Instant createdAt) {
}
