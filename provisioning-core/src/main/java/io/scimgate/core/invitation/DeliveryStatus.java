package io.scimgate.core.invitation;

import java.time.Instant;

/**
 * Where the mailing of an invitation's current token stands, from the invitation and its row in
 * the outbox (RULES.md P29).
 *
 * @param status {@code queued} (in the outbox, not tried yet or being sent), {@code retrying} (the
 *     last attempt failed, see {@code reason}; tried again at {@code nextAttemptAt}), {@code sent}
 *     (the sender took it), {@code failed} (given up, see {@code reason}) or {@code not_sent}
 *     (scimgate does not mail it, see {@code reason})
 * @param attempts attempts made so far for a queued or retrying delivery, else 0
 */
public record DeliveryStatus(String status, int attempts, Instant nextAttemptAt, String reason) {

    public static final String QUEUED = "queued";
    public static final String RETRYING = "retrying";
    public static final String SENT = "sent";
    public static final String FAILED = "failed";
    public static final String NOT_SENT = "not_sent";

    /** A delivery still in the outbox. */
    static DeliveryStatus queued(Invitation invitation, int attempts, Instant nextAttemptAt) {
        return invitation.lastDeliveryError() == null
                ? new DeliveryStatus(QUEUED, attempts, nextAttemptAt, null)
                : new DeliveryStatus(RETRYING, attempts, nextAttemptAt, invitation.lastDeliveryError());
    }

    /** An invitation with nothing in the outbox: sent, given up, or never mailed by scimgate. */
    static DeliveryStatus settled(Invitation invitation, boolean hasSender) {
        if (invitation.deliveredAt() != null) {
            return new DeliveryStatus(SENT, 0, null, null);
        }
        if (invitation.lastDeliveryError() != null) {
            return new DeliveryStatus(FAILED, 0, null, invitation.lastDeliveryError());
        }
        String reason = invitation.state() != InvitationState.PENDING ? null
                : hasSender ? "The organization does not send invitations (sendInvitations is off)"
                : "No invitation sender is configured (SCIMGATE_SMTP_URL)";
        return new DeliveryStatus(NOT_SENT, 0, null, reason);
    }
}
