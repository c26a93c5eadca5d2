package io.scimgate.core.monitoring;

import io.scimgate.core.activity.ExplainedRequest;
import io.scimgate.core.google.SyncRun;

/**
 * What the core tells a host about its work, for metrics or logs, without depending on any
 * metrics library: the bundled server binds it to Micrometer. Each method is called on the thread
 * that did the work, after the work is stored; it must return quickly and never throw.
 */
public interface CoreMonitor {

    CoreMonitor NONE = new CoreMonitor() {
    };

    /** Every one of {@code monitors}, each safely. */
    static CoreMonitor all(java.util.List<CoreMonitor> monitors) {
        return monitors.isEmpty() ? NONE : new MonitorList(monitors);
    }

    /** {@code monitor}, with whatever it throws logged instead of reaching the work it watches. */
    static CoreMonitor safe(CoreMonitor monitor) {
        return monitor == NONE || monitor instanceof MonitorList ? monitor : new MonitorList(java.util.List.of(monitor));
    }

    /** The provisioning log's background writer explained a SCIM request (never on the request's thread). */
    default void requestExplained(ExplainedRequest request) {
    }

    /** A webhook endpoint was sent an event. */
    default void webhookAttempt(WebhookAttemptOutcome outcome) {
    }

    /** The invitation sender was handed an invitation. */
    default void invitationDelivery(InvitationDeliveryOutcome outcome) {
    }

    /** A Google directory's sync run ended (succeeded, partial or failed). */
    default void googleSyncFinished(SyncRun run) {
    }

    enum WebhookAttemptOutcome {
        /** The endpoint answered 2xx. */
        DELIVERED,
        /** It failed and will be tried again later. */
        RETRY,
        /** It failed for longer than the endpoint is retried: the event is skipped. */
        GAVE_UP;

        public String slug() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    enum InvitationDeliveryOutcome {
        /** The sender took it (for SMTP: the mail server accepted the message). */
        SENT,
        /** The sender failed; it is tried again later. */
        FAILED,
        /** The sender failed and the next try would come after the invitation expires. */
        GAVE_UP;

        public String slug() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
