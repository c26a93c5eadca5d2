package io.scimgate.server.admin;

import io.scimgate.core.ErrorCode;
import io.scimgate.core.ProvisioningCore;
import io.scimgate.core.ScimgateException;
import io.scimgate.core.events.Event;
import io.scimgate.core.events.EventQuery;
import io.scimgate.core.events.EventTypes;
import io.scimgate.server.admin.AdminViews.EventView;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The event feed, oldest first (RULES.md P25). Consumers keep the cursor of each answer
 * ({@code listMetadata.after}) and ask for what came after it; ids only grow, in commit order.
 */
@Singleton
@Path("events")
@Produces(MediaType.APPLICATION_JSON)
public class EventsResource {

    private static final Set<String> PARAMETERS = Set.of("after", "limit", "events", "organizationId", "createdAfter",
            "createdBefore");
    private static final int DEFAULT_LIMIT = 20;

    private final ProvisioningCore core;

    @Inject
    public EventsResource(ProvisioningCore core) {
        this.core = core;
    }

    /** A page of events and the cursor to continue from: the last id returned, or {@code after} when none was. */
    record EventPageView(List<EventView> data, EventCursor listMetadata) {
    }

    record EventCursor(long after) {
    }

    @GET
    public EventPageView list(@Context UriInfo uri) {
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        Set<String> unknown = new TreeSet<>(query.keySet());
        unknown.removeAll(PARAMETERS);
        if (!unknown.isEmpty()) {
            throw new ScimgateException(ErrorCode.UNKNOWN_PARAMETER, "Unknown query parameter" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown) + "; the events list takes " + String.join(", ", new TreeSet<>(PARAMETERS)));
        }
        long after = number(query.getFirst("after"), "after", ErrorCode.INVALID_AFTER, 0);
        if (after < 0) {
            throw new ScimgateException(ErrorCode.INVALID_AFTER, "after is an event id (0 or more)");
        }
        int limit = (int) number(query.getFirst("limit"), "limit", ErrorCode.INVALID_LIMIT, DEFAULT_LIMIT);
        List<String> types = types(query.getFirst("events"));
        String organizationId = blankToNull(query.getFirst("organizationId"));
        EventQuery request = new EventQuery(after, limit, types, organizationId,
                instant(query.getFirst("createdAfter"), "createdAfter", ErrorCode.INVALID_CREATED_AFTER),
                instant(query.getFirst("createdBefore"), "createdBefore", ErrorCode.INVALID_CREATED_BEFORE));
        List<Event> page = core.events().list(request);
        long next = page.isEmpty() ? after : page.get(page.size() - 1).id();
        return new EventPageView(page.stream().map(EventView::of).toList(), new EventCursor(next));
    }

    private static List<String> types(String events) {
        if (events == null || events.isBlank()) {
            return List.of();
        }
        Set<String> types = new LinkedHashSet<>(Arrays.stream(events.split(",")).map(String::trim)
                .filter(type -> !type.isEmpty()).toList());
        Set<String> unknown = EventTypes.unknown(types);
        if (!unknown.isEmpty()) {
            throw new ScimgateException(ErrorCode.UNKNOWN_EVENT_TYPE, "Unknown event type" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown));
        }
        return List.copyOf(types);
    }

    private static long number(String value, String name, ErrorCode invalid, long fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new ScimgateException(invalid, name + " must be a whole number, not '" + value + "'");
        }
    }

    private static Instant instant(String value, String name, ErrorCode invalid) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw new ScimgateException(invalid,
                    name + " must be an RFC 3339 date-time such as 2024-05-01T12:00:00Z, not '" + value + "'");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
