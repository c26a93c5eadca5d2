package io.scimgate.core.invitation;

/**
 * Delivers invitations, for example by e-mail ({@code io.scimgate.core.mail.SmtpInvitationSender}).
 * Called from the delivery outbox after the transaction that created or renewed the invitation
 * committed. Throwing means "not delivered": the outbox tries again later with backoff, until the
 * invitation expires, and shows the error on the invitation ({@code lastDeliveryError}). The
 * message of the exception must not contain the token.
 */
@FunctionalInterface
public interface InvitationSender {

    void send(InvitationDelivery delivery);
}
