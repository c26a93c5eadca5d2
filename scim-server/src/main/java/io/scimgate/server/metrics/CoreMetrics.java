package io.scimgate.server.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.scimgate.core.activity.ExplainedRequest;
import io.scimgate.core.activity.ProvisioningOutcome;
import io.scimgate.core.google.SyncRun;
import io.scimgate.core.monitoring.CoreMonitor;
import io.scimgate.server.logging.DirectoryProviders;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the core reports, counted: provisioning outcomes per directory (as the provisioning log
 * explains each SCIM request, never by counters inside the rules), webhook and invitation
 * deliveries by outcome, and Google sync runs with their durations by status.
 */
final class CoreMetrics implements CoreMonitor {

    static final String OUTCOMES = "scimgate.provisioning.outcomes";
    static final String WEBHOOK_DELIVERIES = "scimgate.webhook.deliveries";
    static final String INVITATION_DELIVERIES = "scimgate.invitation.deliveries";
    static final String GOOGLE_SYNC_RUNS = "scimgate.google.sync.runs";

    private final MeterRegistry registry;
    private final DirectoryProviders providers;
    private final Map<List<String>, Counter> outcomes = new ConcurrentHashMap<>();
    private final Map<WebhookAttemptOutcome, Counter> webhooks = new ConcurrentHashMap<>();
    private final Map<InvitationDeliveryOutcome, Counter> invitations = new ConcurrentHashMap<>();
    private final Map<String, Timer> syncRuns = new ConcurrentHashMap<>();

    CoreMetrics(MeterRegistry registry, DirectoryProviders providers) {
        this.registry = registry;
        this.providers = providers;
        // Registered at zero, so that a rate or an alert has a series before the first delivery.
        for (WebhookAttemptOutcome outcome : WebhookAttemptOutcome.values()) {
            webhooks.put(outcome, Counter.builder(WEBHOOK_DELIVERIES)
                    .description("Webhook delivery attempts: delivered, retry (failed, tried again later), gave_up")
                    .tag("outcome", outcome.slug()).register(registry));
        }
        for (InvitationDeliveryOutcome outcome : InvitationDeliveryOutcome.values()) {
            invitations.put(outcome, Counter.builder(INVITATION_DELIVERIES)
                    .description("Invitations handed to the invitation sender: sent, failed (retried later), gave_up")
                    .tag("outcome", outcome.slug()).register(registry));
        }
        for (String status : List.of(SyncRun.SUCCEEDED, SyncRun.PARTIAL, SyncRun.FAILED)) {
            syncRuns.put(status, Timer.builder(GOOGLE_SYNC_RUNS)
                    .description("Google Workspace sync runs and how long they took, by status")
                    .tag("status", status).register(registry));
        }
    }

    @Override
    public void requestExplained(ExplainedRequest request) {
        String directoryId = request.request().directoryId();
        for (ProvisioningOutcome outcome : request.outcomes()) {
            String provider = providers.of(directoryId);
            outcomes.computeIfAbsent(List.of(directoryId, provider, outcome.slug()), key -> Counter.builder(OUTCOMES)
                    .description("What SCIM requests did to people: created, linked, pending, duplicate, deprovisioned,"
                            + " reprovisioned")
                    .tag("directory", key.get(0)).tag("provider", key.get(1)).tag("outcome", key.get(2))
                    .register(registry)).increment();
        }
    }

    @Override
    public void webhookAttempt(WebhookAttemptOutcome outcome) {
        webhooks.get(outcome).increment();
    }

    @Override
    public void invitationDelivery(InvitationDeliveryOutcome outcome) {
        invitations.get(outcome).increment();
    }

    @Override
    public void googleSyncFinished(SyncRun run) {
        Timer timer = syncRuns.get(run.status());
        if (timer != null && run.startedAt() != null && run.finishedAt() != null) {
            timer.record(Duration.between(run.startedAt(), run.finishedAt()));
        }
    }
}
