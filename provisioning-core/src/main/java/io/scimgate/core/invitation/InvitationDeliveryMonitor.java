package io.scimgate.core.invitation;

import java.util.Locale;

/**
 * What the invitation outbox tells a monitor. {@code CoreMonitor} extends it; the outbox is handed
 * a safe one (whatever it throws is logged, never failing a delivery).
 */
public interface InvitationDeliveryMonitor {

    /** The invitation sender was handed an invitation. */
    default void invitationDelivery(InvitationDeliveryOutcome outcome) {
    }

    enum InvitationDeliveryOutcome {
        /** The sender took it (for SMTP: the mail server accepted the message). */
        SENT,
        /** The sender failed; it is tried again later. */
        FAILED,
        /** The sender failed and the next try would come after the invitation expires. */
        GAVE_UP;

        public String slug() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
