package io.scimgate.core.invitation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default sender: records that an invitation is due, without its token (a token in a log is
 * a token anyone with the logs can use). A host app or an SMTP sender replaces it.
 */
public final class LoggingInvitationSender implements InvitationSender {

    private static final Logger LOG = LoggerFactory.getLogger(LoggingInvitationSender.class);

    @Override
    public void send(InvitationDelivery delivery) {
        Invitation invitation = delivery.invitation();
        LOG.info("Invitation {} {} for {} to join {}; expires {}. No invitation sender is configured, so nobody was notified.",
                invitation.id(), delivery.resent() ? "renewed" : "created", masked(invitation.email()),
                delivery.organizationName(), invitation.expiresAt());
    }

    static String masked(String email) {
        int at = email.indexOf('@');
        if (at <= 1) {
            return "***" + (at < 0 ? "" : email.substring(at));
        }
        return email.charAt(0) + "***" + email.substring(at);
    }
}
