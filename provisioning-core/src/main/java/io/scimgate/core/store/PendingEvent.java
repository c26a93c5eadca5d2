package io.scimgate.core.store;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** An event emitted inside a transaction, written with it just before it commits. */
public record PendingEvent(String type, String organizationId, String directoryId, ObjectNode data) {
}
