package io.scimgate.server.admin;

import io.scimgate.core.ErrorCode;
import io.scimgate.core.ScimgateException;
import io.scimgate.core.ProvisioningCore;
import io.scimgate.core.google.GoogleDirectoryConfig;
import io.scimgate.core.google.GoogleSync;
import io.scimgate.core.google.SyncRun;
import io.scimgate.core.google.SyncRuns;
import io.scimgate.server.admin.AdminViews.ListView;
import io.scimgate.server.admin.GoogleViews.GoogleDirectoryView;
import io.scimgate.server.admin.GoogleViews.SyncRunView;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/**
 * The Google Workspace sync of a directory with provider {@code google}: its settings, "sync now"
 * and its run history. The runs themselves happen in the background (see GoogleSyncScheduler).
 */
@Singleton
@Path("directories/{directoryId}/google")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class GoogleDirectoryResource {

    private final ProvisioningCore core;

    @Inject
    public GoogleDirectoryResource(ProvisioningCore core) {
        this.core = core;
    }

    /** Sets the settings: 201 the first time, 200 after. Leaving out the key keeps the stored one. */
    @PUT
    public Response configure(@PathParam("directoryId") String directoryId, GoogleSettingsRequest body) {
        core.directories().get(directoryId);
        boolean existed = google().directories().find(directoryId).isPresent();
        GoogleDirectoryConfig config = google().directories().configure(directoryId, AdminRequests.required(body).toSettings());
        return Response.status(existed ? 200 : 201).entity(view(config)).build();
    }

    @GET
    public GoogleDirectoryView get(@PathParam("directoryId") String directoryId) {
        core.directories().get(directoryId);
        return view(google().directories().get(directoryId));
    }

    /** Stops syncing; the directory's users and groups stay as the last run left them. */
    @DELETE
    public Response remove(@PathParam("directoryId") String directoryId) {
        core.directories().get(directoryId);
        google().directories().remove(directoryId);
        return Response.noContent().build();
    }

    /** "Sync now": accepted, and run by the next free instance; follow it in {@code runs}. */
    @POST
    @Path("sync")
    public Response requestSync(@PathParam("directoryId") String directoryId) {
        core.directories().get(directoryId);
        return Response.accepted(view(google().directories().requestSync(directoryId))).build();
    }

    @GET
    @Path("runs")
    public ListView<SyncRunView> runs(@PathParam("directoryId") String directoryId,
            @QueryParam("limit") @DefaultValue("20") int limit) {
        core.directories().get(directoryId);
        if (limit < 1 || limit > SyncRuns.MAX_PAGE) {
            throw new ScimgateException(ErrorCode.INVALID_LIMIT, "limit must be between 1 and " + SyncRuns.MAX_PAGE);
        }
        google().directories().get(directoryId);
        return new ListView<>(google().runs().list(directoryId, limit).stream().map(SyncRunView::of).toList());
    }

    private GoogleDirectoryView view(GoogleDirectoryConfig config) {
        List<SyncRun> last = google().runs().list(config.directoryId(), 1);
        return GoogleDirectoryView.of(config, last.isEmpty() ? null : last.get(0));
    }

    private GoogleSync google() {
        return core.google();
    }
}
