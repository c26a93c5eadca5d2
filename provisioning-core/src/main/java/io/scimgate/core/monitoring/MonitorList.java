package io.scimgate.core.monitoring;

import io.scimgate.core.activity.ExplainedRequest;
import io.scimgate.core.google.SyncRun;
import java.util.List;

/** Several monitors told the same things, in order; one failing does not keep the others from hearing. */
final class MonitorList implements CoreMonitor {

    private final List<CoreMonitor> monitors;

    MonitorList(List<CoreMonitor> monitors) {
        this.monitors = monitors.stream().map(CoreMonitor::safe).toList();
    }

    @Override
    public void requestExplained(ExplainedRequest request) {
        monitors.forEach(monitor -> monitor.requestExplained(request));
    }

    @Override
    public void webhookAttempt(WebhookAttemptOutcome outcome) {
        monitors.forEach(monitor -> monitor.webhookAttempt(outcome));
    }

    @Override
    public void invitationDelivery(InvitationDeliveryOutcome outcome) {
        monitors.forEach(monitor -> monitor.invitationDelivery(outcome));
    }

    @Override
    public void googleSyncFinished(SyncRun run) {
        monitors.forEach(monitor -> monitor.googleSyncFinished(run));
    }
}
