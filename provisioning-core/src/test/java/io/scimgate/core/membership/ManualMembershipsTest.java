package io.scimgate.core.membership;

import io.scimgate.core.ErrorCode;
import static io.scimgate.core.testing.ProvisioningFixture.person;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimgate.core.ScimgateException;
import io.scimgate.core.directory.DirectoryUser;
import io.scimgate.core.invitation.InvitationState;
import io.scimgate.core.testing.OneDirectoryTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * No dead ends (README: Invitations, memberships and domains): an admin removes pending and inactive memberships, and deactivates
 * and reactivates memberships no directory manages, such as those of a deleted directory.
 */
class ManualMembershipsTest extends OneDirectoryTest {


    private Membership membership(String email) {
        return f.membership(acme, email).orElseThrow();
    }

    @Test
    void P30_removingAPendingMembershipRevokesItsInvitation() {
        f.push(directory, person("gus@contractor.example"));
        Membership pending = membership("gus@contractor.example");
        long before = f.lastEventId();
        f.core().memberships().remove(pending.id());
        assertTrue(f.membership(acme, "gus@contractor.example").isEmpty());
        assertEquals(1, f.core().invitations().list(acme, InvitationState.REVOKED).size());
        assertEquals(List.of("invitation.revoked", "organization_membership.deleted"), f.eventsAfter(before));
        assertTrue(f.user("gus@contractor.example").isPresent(), "the User stays");
    }

    @Test
    void P30_removingAnInactiveMembershipLeavesAFreshStartForTheDirectory() {
        DirectoryUser ana = f.push(directory, person("ana@acme.com"));
        f.setActive(directory, ana.id(), false);
        f.core().memberships().remove(membership("ana@acme.com").id());
        assertTrue(f.membership(acme, "ana@acme.com").isEmpty());
        f.setActive(directory, ana.id(), true);
        assertEquals(MembershipStatus.ACTIVE, membership("ana@acme.com").status(), "P20: provisioned anew");
    }

    @Test
    void P30_anActiveMembershipIsNotRemoved() {
        f.push(directory, person("ana@acme.com"));
        ScimgateException conflict = assertThrows(ScimgateException.class,
                () -> f.core().memberships().remove(membership("ana@acme.com").id()));
        assertEquals(ScimgateException.Kind.CONFLICT, conflict.kind());
        assertEquals(ErrorCode.MEMBERSHIP_ACTIVE, conflict.code());
        assertEquals(MembershipStatus.ACTIVE, membership("ana@acme.com").status());
    }

    @Test
    void P30_aMembershipOfADeletedDirectoryIsDeactivatedReactivatedAndRemovedByHand() {
        f.push(directory, person("ana@acme.com"));
        Membership ana = membership("ana@acme.com");
        f.roles(acme, "admin");
        f.core().memberships().setRole(ana.id(), "admin");
        f.core().directories().delete(directory);

        Membership inactive = f.core().memberships().deactivate(ana.id());
        assertEquals(MembershipStatus.INACTIVE, inactive.status());
        assertEquals("member", inactive.role(), "the default role while inactive (P19)");
        assertEquals(List.of(ana.userId() + "@" + acme), f.sessionsRevoked);
        assertEquals(inactive, f.core().memberships().deactivate(ana.id()), "deactivating again changes nothing");

        Membership active = f.core().memberships().reactivate(ana.id());
        assertEquals(MembershipStatus.ACTIVE, active.status());
        assertEquals("admin", active.role(), "the remembered role comes back (P20)");
        assertFalse(active.directoryManaged());

        f.core().memberships().deactivate(ana.id());
        f.core().memberships().remove(ana.id());
        assertTrue(f.membership(acme, "ana@acme.com").isEmpty());
    }

    @Test
    void P30_aDirectoryManagedMembershipIsDeactivatedOnlyByItsDirectory() {
        f.push(directory, person("ana@acme.com"));
        Membership ana = membership("ana@acme.com");
        for (var change : List.<Runnable>of(() -> f.core().memberships().deactivate(ana.id()),
                () -> f.core().memberships().reactivate(ana.id()))) {
            ScimgateException conflict = assertThrows(ScimgateException.class, change::run);
            assertEquals(ErrorCode.MEMBERSHIP_DIRECTORY_MANAGED, conflict.code());
        }
        assertEquals(MembershipStatus.ACTIVE, membership("ana@acme.com").status());
        assertTrue(f.sessionsRevoked.isEmpty());
    }

    @Test
    void P30_aPendingMembershipIsNeitherDeactivatedNorReactivated() {
        f.push(directory, person("gus@contractor.example"));
        f.core().directories().delete(directory);
        Membership gus = membership("gus@contractor.example");
        assertEquals(ErrorCode.MEMBERSHIP_PENDING, assertThrows(ScimgateException.class,
                () -> f.core().memberships().deactivate(gus.id())).code());
        assertEquals(ErrorCode.MEMBERSHIP_PENDING, assertThrows(ScimgateException.class,
                () -> f.core().memberships().reactivate(gus.id())).code());
    }

    @Test
    void anUnknownMembershipIsNotFound() {
        assertEquals(ScimgateException.Kind.NOT_FOUND, assertThrows(ScimgateException.class,
                () -> f.core().memberships().remove("no-such-membership")).kind());
    }
}
