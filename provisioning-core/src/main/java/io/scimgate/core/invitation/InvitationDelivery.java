package io.scimgate.core.invitation;

/**
 * What an {@link InvitationSender} needs to deliver an invitation: the single-use {@code token}
 * and the URL the invitee opens to accept, with the names the message shows.
 *
 * @param inviter who invites: the name of the directory that pushed the person, else the organization's
 */
public record InvitationDelivery(Invitation invitation, String organizationName, String inviter, String token,
        String acceptUrl, boolean resent) {

    /** Never shows the token or the accept URL, which holds it. */
    @Override
    public String toString() {
        return "InvitationDelivery[invitation=" + invitation.id() + ", organization=" + organizationName
                + ", resent=" + resent + "]";
    }
}
