package io.scimgate.core.invitation;

import io.scimgate.core.ErrorCode;
import static io.scimgate.core.testing.ProvisioningFixture.person;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.scimgate.core.ScimgateException;
import io.scimgate.core.membership.Membership;
import io.scimgate.core.membership.MembershipStatus;
import io.scimgate.core.testing.OneDirectoryTest;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** No dead ends (README: Invitations reach people): a pending membership whose invitation expired or was revoked can be invited again. */
class ReinvitationTest extends OneDirectoryTest {


    private Membership gus() {
        return f.membership(acme, "gus@contractor.example").orElseThrow();
    }

    @Test
    void aRevokedInvitationsMembershipIsInvitedAgainByMembershipId() {
        f.push(directory, person("gus@contractor.example"));
        Invitation first = f.core().invitations().list(acme, InvitationState.PENDING).get(0);
        f.core().invitations().revoke(first.id());

        IssuedInvitation fresh = f.core().invitations().invite(gus().id());

        assertNotEquals(first.id(), fresh.invitation().id());
        assertEquals(InvitationState.PENDING, fresh.invitation().state());
        assertEquals(directory, fresh.invitation().directoryId(), "the same directory invites");
        assertEquals(2, f.invitationsSent.size());
        assertEquals(fresh.acceptUrl(), f.eventsOf("invitation.created").get(1).data().get("acceptUrl").asText());
        f.core().invitations().accept(fresh.token());
        assertEquals(MembershipStatus.ACTIVE, gus().status());
    }

    @Test
    void aRevokedInvitationIsResentAsAFreshOne() {
        f.push(directory, person("gus@contractor.example"));
        Invitation first = f.core().invitations().list(acme, InvitationState.PENDING).get(0);
        f.core().invitations().revoke(first.id());
        IssuedInvitation fresh = f.core().invitations().resend(first.id());
        assertNotEquals(first.id(), fresh.invitation().id());
        assertEquals(InvitationState.REVOKED, f.core().invitations().get(first.id()).state());
    }

    @Test
    void anExpiredInvitationsMembershipIsInvitedAgain() {
        f.push(directory, person("gus@contractor.example"));
        f.clock.advance(Duration.ofDays(8));
        IssuedInvitation fresh = f.core().invitations().invite(gus().id());
        assertEquals(InvitationState.PENDING, fresh.invitation().state());
        assertEquals(1, f.core().invitations().list(acme, InvitationState.EXPIRED).size());
    }

    @Test
    void aMembershipWithAPendingInvitationIsNotInvitedTwice() {
        f.push(directory, person("gus@contractor.example"));
        ScimgateException conflict = assertThrows(ScimgateException.class, () -> f.core().invitations().invite(gus().id()));
        assertEquals(ScimgateException.Kind.CONFLICT, conflict.kind());
        assertEquals(ErrorCode.INVITATION_PENDING, conflict.code());
        assertEquals(1, f.core().invitations().list(acme, null).size());
    }

    @Test
    void onlyAPendingMembershipIsInvited() {
        f.push(directory, person("ana@acme.com"));
        Membership active = f.membership(acme, "ana@acme.com").orElseThrow();
        ScimgateException conflict = assertThrows(ScimgateException.class, () -> f.core().invitations().invite(active.id()));
        assertEquals(ErrorCode.MEMBERSHIP_NOT_PENDING, conflict.code());
        ScimgateException missing = assertThrows(ScimgateException.class, () -> f.core().invitations().invite("no-such-id"));
        assertEquals(ErrorCode.MEMBERSHIP_NOT_FOUND, missing.code());
    }

    @Test
    void aRevokedInvitationWhoseMembershipWasRemovedIsNotResent() {
        f.push(directory, person("gus@contractor.example"));
        Invitation first = f.core().invitations().list(acme, InvitationState.PENDING).get(0);
        f.core().memberships().remove(gus().id());
        assertEquals(InvitationState.REVOKED, f.core().invitations().get(first.id()).state());
        ScimgateException conflict = assertThrows(ScimgateException.class, () -> f.core().invitations().resend(first.id()));
        assertEquals(ErrorCode.MEMBERSHIP_NOT_PENDING, conflict.code());
    }
}
