package io.scimgate.core.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Set;

/**
 * An event emitted inside a transaction, written with it just before it commits.
 *
 * @param organizationId the organization it is about (shown in its envelope), or null
 * @param audience further organizations whose feeds it belongs to (RULES.md P25)
 */
public record PendingEvent(String type, String organizationId, Set<String> audience, String directoryId,
        ObjectNode data) {

    /** An event of one organization's feed only. */
    public PendingEvent(String type, String organizationId, String directoryId, ObjectNode data) {
        this(type, organizationId, Set.of(), directoryId, data);
    }
}
