package io.scimgate.server.admin;

import io.scimgate.core.ProvisioningCore;
import io.scimgate.core.activity.DirectoryHealth;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;

/**
 * How a directory's identity provider has been talking to scimgate: its last request and error,
 * and its requests, errors and 429s hour by hour over the last day. The figures are written in
 * the background and lag by up to about a second.
 */
@Singleton
@Path("directories/{directoryId}/health")
@Produces(MediaType.APPLICATION_JSON)
public class DirectoryHealthResource {

    private final ProvisioningCore core;

    @Inject
    public DirectoryHealthResource(ProvisioningCore core) {
        this.core = core;
    }

    record Totals(long requests, long errors, long throttled) {
    }

    record HealthView(String directoryId, Instant lastRequestAt, Instant lastErrorAt, Totals last24Hours,
            List<DirectoryHealth.Hour> hours) {
        static HealthView of(DirectoryHealth health) {
            return new HealthView(health.directoryId(), health.lastRequestAt(), health.lastErrorAt(),
                    new Totals(health.requests(), health.errors(), health.throttled()), health.hours());
        }
    }

    @GET
    public HealthView health(@PathParam("directoryId") String directoryId) {
        core.directories().get(directoryId);
        return HealthView.of(core.provisioningLog().health(directoryId));
    }
}
