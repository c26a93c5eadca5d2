package io.scimgate.server.admin;

import io.scimgate.core.ProvisioningCore;
import io.scimgate.core.ErrorCode;
import io.scimgate.core.ScimgateException;
import io.scimgate.core.webhook.CreatedWebhook;
import io.scimgate.core.webhook.WebhookAttempt;
import io.scimgate.core.webhook.WebhookEndpoint;
import io.scimgate.server.admin.AdminViews.ListView;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;

/** Webhook endpoints that receive the event log, signed (P25). */
@Singleton
@Path("webhooks")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class WebhooksResource {

    private final ProvisioningCore core;

    @Inject
    public WebhooksResource(ProvisioningCore core) {
        this.core = core;
    }

    record CreateWebhook(String url, String organizationId, List<String> events) {
    }

    record WebhookView(String id, String url, String organizationId, List<String> events, long lastEventId,
            int failedAttempts, Instant nextAttemptAt, String lastError, Instant createdAt) {
        static WebhookView of(WebhookEndpoint endpoint) {
            return new WebhookView(endpoint.id(), endpoint.url(), endpoint.organizationId(), endpoint.eventTypes(),
                    endpoint.cursorEventId(), endpoint.attempts(), endpoint.nextAttemptAt(), endpoint.lastError(),
                    endpoint.createdAt());
        }
    }

    /** The endpoint as created, with its signing secret: the only time it is shown. */
    record CreatedWebhookView(WebhookView webhook, String secret) {
        static CreatedWebhookView of(CreatedWebhook created) {
            return new CreatedWebhookView(WebhookView.of(created.endpoint()), created.secret());
        }
    }

    @POST
    public Response create(CreateWebhook body) {
        CreateWebhook request = AdminRequests.required(body);
        CreatedWebhook created = core.webhooks().create(request.url(), request.organizationId(), request.events());
        return Response.status(201).entity(CreatedWebhookView.of(created)).build();
    }

    @GET
    public ListView<WebhookView> list() {
        return new ListView<>(core.webhooks().list().stream().map(WebhookView::of).toList());
    }

    @GET
    @Path("{webhookId}")
    public WebhookView get(@PathParam("webhookId") String webhookId) {
        return WebhookView.of(core.webhooks().get(webhookId));
    }

    @GET
    @Path("{webhookId}/attempts")
    public ListView<WebhookAttempt> attempts(@PathParam("webhookId") String webhookId,
            @QueryParam("limit") @DefaultValue("20") int limit) {
        return new ListView<>(core.webhooks().attempts(webhookId, limit));
    }

    /**
     * Sends an event the endpoint already had (delivered or given up) once more, ahead of the
     * events still to come; the attempt shows in its attempts like any other.
     */
    @POST
    @Path("{webhookId}/events/{eventId}/resend")
    public Response resend(@PathParam("webhookId") String webhookId, @PathParam("eventId") String eventId) {
        long id;
        try {
            id = Long.parseLong(eventId);
        } catch (NumberFormatException e) {
            throw new ScimgateException(ErrorCode.EVENT_NOT_FOUND, "No event with id " + eventId);
        }
        return Response.accepted(core.webhooks().resend(webhookId, id)).build();
    }

    @DELETE
    @Path("{webhookId}")
    public Response delete(@PathParam("webhookId") String webhookId) {
        core.webhooks().delete(webhookId);
        return Response.noContent().build();
    }
}
