package io.scimgate.core.webhook;

import java.util.Locale;

/**
 * What the webhook dispatcher tells a monitor. {@code CoreMonitor} extends it; the dispatcher is
 * handed a safe one (whatever it throws is logged, never failing a delivery).
 */
public interface WebhookDeliveryMonitor {

    /** A webhook endpoint was sent an event. */
    default void webhookAttempt(WebhookAttemptOutcome outcome) {
    }

    enum WebhookAttemptOutcome {
        /** The endpoint answered 2xx. */
        DELIVERED,
        /** It failed and will be tried again later. */
        RETRY,
        /** It failed for longer than the endpoint is retried: the event is skipped. */
        GAVE_UP;

        public String slug() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
