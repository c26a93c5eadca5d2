package io.scimgate.core.invitation;

/**
 * Delivers invitations, for example by e-mail. Called after the transaction that created or
 * renewed the invitation committed; a failure is logged and leaves the invitation as it is.
 */
@FunctionalInterface
public interface InvitationSender {

    void send(InvitationDelivery delivery);
}
