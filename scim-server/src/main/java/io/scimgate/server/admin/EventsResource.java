package io.scimgate.server.admin;

import io.scimgate.core.ProvisioningCore;
import io.scimgate.core.events.Event;
import io.scimgate.server.admin.AdminViews.EventView;
import io.scimgate.server.admin.AdminViews.PageView;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Arrays;
import java.util.List;

/**
 * The event log, oldest first (P25). Consumers keep the last id they handled and ask for what
 * came {@code after} it; ids only grow, in commit order.
 */
@Singleton
@Path("events")
@Produces(MediaType.APPLICATION_JSON)
public class EventsResource {

    private final ProvisioningCore core;

    @Inject
    public EventsResource(ProvisioningCore core) {
        this.core = core;
    }

    @GET
    public PageView<EventView> list(@QueryParam("after") @DefaultValue("0") long after,
            @QueryParam("limit") @DefaultValue("20") int limit,
            @QueryParam("events") String events,
            @QueryParam("organizationId") String organizationId) {
        List<String> types = events == null || events.isBlank() ? List.of()
                : Arrays.stream(events.split(",")).map(String::trim).filter(type -> !type.isEmpty()).toList();
        List<Event> page = core.events().list(after, limit, types, organizationId);
        return PageView.of(page.stream().map(EventView::of).toList(), limit, event -> Long.toString(event.id()));
    }
}
