package io.scimgate.core.monitoring;

import io.scimgate.core.activity.ExplainedRequest;
import io.scimgate.core.google.SyncRun;
import java.util.Objects;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A monitor whose failures are logged and go no further: the work it watches never fails for it. */
final class SafeMonitor implements CoreMonitor {

    private static final Logger LOG = LoggerFactory.getLogger(SafeMonitor.class);

    private final CoreMonitor monitor;

    SafeMonitor(CoreMonitor monitor) {
        this.monitor = Objects.requireNonNull(monitor);
    }

    @Override
    public void requestExplained(ExplainedRequest request) {
        tell(m -> m.requestExplained(request));
    }

    @Override
    public void webhookAttempt(WebhookAttemptOutcome outcome) {
        tell(m -> m.webhookAttempt(outcome));
    }

    @Override
    public void invitationDelivery(InvitationDeliveryOutcome outcome) {
        tell(m -> m.invitationDelivery(outcome));
    }

    @Override
    public void googleSyncFinished(SyncRun run) {
        tell(m -> m.googleSyncFinished(run));
    }

    private void tell(Consumer<CoreMonitor> call) {
        try {
            call.accept(monitor);
        } catch (RuntimeException e) {
            LOG.warn("The core monitor {} failed: {}", monitor, e.toString());
        }
    }
}
