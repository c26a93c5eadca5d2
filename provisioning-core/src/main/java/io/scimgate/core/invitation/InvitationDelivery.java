package io.scimgate.core.invitation;

/**
 * What an {@link InvitationSender} needs to deliver an invitation: the single-use {@code token}
 * and the URL the invitee opens to accept, with the organization's name for the message.
 */
public record InvitationDelivery(Invitation invitation, String organizationName, String token, String acceptUrl,
        boolean resent) {

    @Override
    public String toString() {
        return "InvitationDelivery[invitation=" + invitation.id() + ", organization=" + organizationName
                + ", resent=" + resent + "]";
    }
}
