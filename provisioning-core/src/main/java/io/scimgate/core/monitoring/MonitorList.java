package io.scimgate.core.monitoring;

import io.scimgate.core.activity.ExplainedRequest;
import io.scimgate.core.google.SyncRun;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One or several monitors told the same things, in order. What one throws is logged and goes no
 * further: neither the other monitors nor the work they watch fail for it.
 */
final class MonitorList implements CoreMonitor {

    private static final Logger LOG = LoggerFactory.getLogger(MonitorList.class);

    private final List<CoreMonitor> monitors;

    MonitorList(List<CoreMonitor> monitors) {
        this.monitors = List.copyOf(monitors);
    }

    @Override
    public void requestExplained(ExplainedRequest request) {
        tell(monitor -> monitor.requestExplained(request));
    }

    @Override
    public void webhookAttempt(WebhookAttemptOutcome outcome) {
        tell(monitor -> monitor.webhookAttempt(outcome));
    }

    @Override
    public void invitationDelivery(InvitationDeliveryOutcome outcome) {
        tell(monitor -> monitor.invitationDelivery(outcome));
    }

    @Override
    public void googleSyncFinished(SyncRun run) {
        tell(monitor -> monitor.googleSyncFinished(run));
    }

    private void tell(Consumer<CoreMonitor> call) {
        for (CoreMonitor monitor : monitors) {
            try {
                call.accept(monitor);
            } catch (RuntimeException e) {
                LOG.warn("The core monitor {} failed: {}", monitor, e.toString());
            }
        }
    }
}
