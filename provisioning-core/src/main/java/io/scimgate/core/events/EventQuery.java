package io.scimgate.core.events;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Which events to read from the feed (RULES.md P25): those with ids above {@code after}, oldest
 * first, at most {@code limit}.
 *
 * @param types only these event types, or all when empty
 * @param organizationId only events of this organization's feed, or all when null
 * @param createdAfter only events created at or after this instant, or null
 * @param createdBefore only events created before this instant, or null
 */
public record EventQuery(long after, int limit, Collection<String> types, String organizationId, Instant createdAfter,
        Instant createdBefore) {

    public EventQuery {
        types = types == null ? List.of() : List.copyOf(types);
    }

    public static EventQuery after(long after, int limit) {
        return new EventQuery(after, limit, List.of(), null, null, null);
    }
}
