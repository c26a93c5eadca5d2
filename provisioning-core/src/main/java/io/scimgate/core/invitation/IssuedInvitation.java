package io.scimgate.core.invitation;

/** An invitation with its new single-use token, as handed to the operator who renewed it. */
public record IssuedInvitation(Invitation invitation, String token, String acceptUrl) {

    @Override
    public String toString() {
        return "IssuedInvitation[invitation=" + invitation.id() + "]";
    }
}
