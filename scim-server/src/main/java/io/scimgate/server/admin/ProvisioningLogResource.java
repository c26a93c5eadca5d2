package io.scimgate.server.admin;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.core.ProvisioningCore;
import io.scimgate.core.activity.ProvisioningLogEntry;
import io.scimgate.server.admin.AdminViews.PageView;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;

/**
 * A directory's provisioning log: each SCIM write or refused request with what it changed and
 * why, newest first. Lines are written in the background and appear up to about a second late.
 */
@Singleton
@Path("directories/{directoryId}/provisioning-log")
@Produces(MediaType.APPLICATION_JSON)
public class ProvisioningLogResource {

    private final ProvisioningCore core;

    @Inject
    public ProvisioningLogResource(ProvisioningCore core) {
        this.core = core;
    }

    record LogEntryView(long id, Instant receivedAt, String method, String path, int status, long durationMs,
            JsonNode changes, String reason) {
        static LogEntryView of(ProvisioningLogEntry entry) {
            return new LogEntryView(entry.id(), entry.receivedAt(), entry.method(), entry.path(), entry.status(),
                    entry.durationMillis(), entry.changes(), entry.reason());
        }
    }

    /** Newest first; {@code listMetadata.after} is the {@code after} of the next, older page. */
    @GET
    public PageView<LogEntryView> list(@PathParam("directoryId") String directoryId, @QueryParam("after") Long after,
            @QueryParam("limit") @DefaultValue("50") int limit) {
        core.directories().get(directoryId);
        return PageView.of(core.provisioningLog().list(directoryId, after, limit).stream().map(LogEntryView::of).toList(),
                limit, entry -> Long.toString(entry.id()));
    }
}
