package io.scimgate.core.provisioning;

import io.scimgate.core.ErrorCode;
import static io.scimgate.core.testing.ProvisioningFixture.person;
import static io.scimgate.core.testing.ProvisioningFixture.withEmail;
import static io.scimgate.core.testing.ProvisioningFixture.withNames;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimgate.core.ScimgateException;
import io.scimgate.core.directory.DirectoryGroupData;
import io.scimgate.core.directory.DirectoryUser;
import io.scimgate.core.directory.DirectoryUserData;
import io.scimgate.core.directory.EmailAddress;
import io.scimgate.core.events.Event;
import io.scimgate.core.invitation.Invitation;
import io.scimgate.core.invitation.InvitationDelivery;
import io.scimgate.core.invitation.InvitationState;
import io.scimgate.core.membership.GroupRoles;
import io.scimgate.core.membership.Membership;
import io.scimgate.core.membership.MembershipStatus;
import io.scimgate.core.testing.ProvisioningFixture;
import io.scimgate.core.user.User;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The provisioning rules of RULES.md, one or more tests per rule, named after it. */
class ProvisioningRulesTest {

    private ProvisioningFixture f;
    private String acme;
    private String acmeDirectory;

    @BeforeEach
    void start() {
        f = new ProvisioningFixture();
        acme = f.organization("Acme", "acme.com");
        acmeDirectory = f.directory(acme);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private User user(String email) {
        return f.user(email).orElseThrow(() -> new AssertionError("no user " + email));
    }

    private Membership membership(String organizationId, String email) {
        return f.membership(organizationId, email).orElseThrow(() -> new AssertionError("no membership of " + email));
    }

    private List<Invitation> invitations(String organizationId, InvitationState state) {
        return f.core().invitations().list(organizationId, state);
    }

    // ---- P8, P9, P10, P11: which directory users are provisioned ------------------------------

    @Test
    void P8_theUserIsCreatedWithThePrimaryEmail() {
        DirectoryUserData data = new DirectoryUserData("ana", null, true, null, "Ana", "Lee", List.of(
                new EmailAddress("ana.home@elsewhere.example", "home", false),
                new EmailAddress("Ana@Acme.com", "work", false)), null, null, null, "{}");
        f.push(acmeDirectory, data);
        assertEquals("Ana@Acme.com", user("ana@acme.com").email());
    }

    @Test
    void P9_aUserWithoutEmailIsAcceptedButNotProvisionedUntilAnUpdateGivesOne() {
        DirectoryUser noEmail = f.push(acmeDirectory, person(null));
        ProvisioningStatus status = f.status(acmeDirectory, noEmail.id());
        assertEquals(ProvisioningState.MISSING_EMAIL, status.state());
        assertNotNull(status.detail());
        assertNull(status.userId());
        assertTrue(f.events("user.created", "organization_membership.created").isEmpty());

        f.change(acmeDirectory, noEmail.id(), data -> withEmail(data, "late@acme.com"));
        assertEquals(ProvisioningState.PROVISIONED, f.state(acmeDirectory, noEmail.id()));
        assertEquals(MembershipStatus.ACTIVE, membership(acme, "late@acme.com").status());
    }

    @Test
    void P9_aPrimaryEmailThatIsNoAddressCountsAsMissing() {
        DirectoryUser odd = f.push(acmeDirectory, withEmail(person("x"), "not-an-address"));
        assertEquals(ProvisioningState.MISSING_EMAIL, f.state(acmeDirectory, odd.id()));
    }

    @Test
    void P10_aSecondDirectoryUserWithTheSameEmailWaitsAndIsPromotedWhenTheHolderIsDeleted() {
        DirectoryUser holder = f.push(acmeDirectory, person("shared@acme.com"));
        DirectoryUserData second = new DirectoryUserData("second", null, true, null, "Sec", "Ond",
                List.of(new EmailAddress("SHARED@acme.com", "work", true)), null, null, null, "{\"n\":2}");
        DirectoryUser waiting = f.push(acmeDirectory, second);
        DirectoryUser third = f.push(acmeDirectory, new DirectoryUserData("third", null, true, null, null, null,
                List.of(new EmailAddress("shared@ACME.com", null, false)), null, null, null, "{\"n\":3}"));

        ProvisioningStatus status = f.status(acmeDirectory, waiting.id());
        assertEquals(ProvisioningState.DUPLICATE_EMAIL, status.state());
        assertTrue(status.detail().contains(holder.id()), status.detail());
        assertEquals(ProvisioningState.DUPLICATE_EMAIL, f.state(acmeDirectory, third.id()));
        assertEquals(1, f.events("user.created").size());
        assertEquals(1, f.events("organization_membership.created").size());

        f.delete(acmeDirectory, holder.id());
        assertEquals(ProvisioningState.PROVISIONED, f.state(acmeDirectory, waiting.id()), "the oldest waiting one");
        assertEquals(ProvisioningState.DUPLICATE_EMAIL, f.state(acmeDirectory, third.id()));
        assertEquals(user("shared@acme.com").id(), f.status(acmeDirectory, waiting.id()).userId());
        assertEquals(MembershipStatus.ACTIVE, membership(acme, "shared@acme.com").status());
    }

    @Test
    void P10_theHandoverToAWaitingDirectoryUserNeverPassesThroughInactiveNorRevokesSessions() {
        DirectoryUser holder = f.push(acmeDirectory, person("shared@acme.com", "First", "Holder"));
        DirectoryUser waiting = f.push(acmeDirectory, new DirectoryUserData("second", null, true, null, "Second", "Holder",
                List.of(new EmailAddress("shared@acme.com", "work", true)), null, null, null, "{\"n\":2}"));
        Membership before = membership(acme, "shared@acme.com");
        f.roles(acme, "admin");
        f.core().memberships().setRole(before.id(), "admin");
        long eventsBefore = f.lastEventId();

        f.delete(acmeDirectory, holder.id());

        assertEquals(ProvisioningState.PROVISIONED, f.state(acmeDirectory, waiting.id()));
        Membership after = membership(acme, "shared@acme.com");
        assertEquals(MembershipStatus.ACTIVE, after.status());
        assertEquals("admin", after.role(), "the role stays: the person never left");
        assertTrue(f.sessionsRevoked.isEmpty(), f.sessionsRevoked.toString());
        List<String> emitted = f.eventsAfter(eventsBefore);
        assertFalse(emitted.contains("organization_membership.updated"), emitted.toString());
        assertEquals("Second", user("shared@acme.com").firstName(), "the new holder's names, on a verified domain");
    }

    @Test
    void P10_theSameEmailInAnotherDirectoryIsNotADuplicate() {
        String otherDirectory = f.directory(acme);
        DirectoryUser first = f.push(acmeDirectory, person("both@acme.com"));
        DirectoryUser second = f.push(otherDirectory, person("both@acme.com"));
        assertEquals(ProvisioningState.PROVISIONED, f.state(acmeDirectory, first.id()));
        assertEquals(ProvisioningState.PROVISIONED, f.state(otherDirectory, second.id()));
        assertEquals(1, f.events("organization_membership.created").size());
    }

    @Test
    void P11_aUserCreatedInactiveIsStoredButNotProvisionedUntilItBecomesActive() {
        DirectoryUser dormant = f.push(acmeDirectory, ProvisioningFixture.with(person("dormant@acme.com"), false));
        assertEquals(ProvisioningState.INACTIVE, f.state(acmeDirectory, dormant.id()));
        assertTrue(f.user("dormant@acme.com").isEmpty());

        f.setActive(acmeDirectory, dormant.id(), true);
        assertEquals(ProvisioningState.PROVISIONED, f.state(acmeDirectory, dormant.id()));
        assertEquals(MembershipStatus.ACTIVE, membership(acme, "dormant@acme.com").status());
    }

    // ---- P12-P15: provisioning ------------------------------------------------------------------

    @Test
    void P12_aNewUserGetsNamesAndIsVerifiedOnAVerifiedDomain() {
        f.push(acmeDirectory, person("ana@acme.com", "Ana", "Lee"));
        User ana = user("ana@acme.com");
        assertEquals("Ana", ana.firstName());
        assertEquals("Lee", ana.lastName());
        assertTrue(ana.emailVerified());
        assertEquals(List.of("user.created"), f.events("user.created"));
    }

    @Test
    void P12_anExistingUserIsLinkedByEmailAcrossOrganizations() {
        f.push(acmeDirectory, person("ana@acme.com", "Ana", "Lee"));
        String partner = f.organization("Partner");
        String partnerDirectory = f.directory(partner);
        DirectoryUser linked = f.push(partnerDirectory, person("ANA@acme.com", "Someone", "Else"));

        assertEquals(1, f.events("user.created").size(), "identity linking creates no second user");
        User ana = user("ana@acme.com");
        assertEquals(ana.id(), f.status(partnerDirectory, linked.id()).userId());
        assertEquals("Ana", ana.firstName(), "a linked user keeps its name");
        assertEquals(MembershipStatus.PENDING, membership(partner, "ana@acme.com").status());
        assertEquals(MembershipStatus.ACTIVE, membership(acme, "ana@acme.com").status());
    }

    @Test
    void P12_linkingAnExistingUserOnADomainTheOrganizationVerifiedAppliesTheDirectorysNames() {
        String partner = f.organization("Partner");
        f.push(f.directory(partner), person("ana@acme.com", "Old", "Name"));
        assertEquals("Old", user("ana@acme.com").firstName());
        assertFalse(user("ana@acme.com").emailVerified());
        long before = f.lastEventId();

        f.push(acmeDirectory, person("ANA@acme.com", "Ana", "Lee"));

        User ana = user("ana@acme.com");
        assertEquals("Ana", ana.firstName());
        assertEquals("Lee", ana.lastName());
        assertTrue(ana.emailVerified());
        assertEquals(List.of("user.updated"), f.eventsAfter(before).stream().filter(type -> type.startsWith("user.")).toList());
    }

    @Test
    void P12_theLatestVerifiedDomainDirectoryToLinkWinsAndANameLeftOutStays() {
        String sister = f.organization("Sister", "acme.com");
        f.push(acmeDirectory, person("ana@acme.com", "FromAcme", "Lee"));
        f.push(f.directory(sister), person("ana@acme.com", "FromSister", null));
        assertEquals("FromSister", user("ana@acme.com").firstName());
        assertEquals("Lee", user("ana@acme.com").lastName(), "a name the directory leaves out stays");
    }

    @Test
    void P13_aVerifiedDomainGivesAnActiveDirectoryManagedMembershipWithoutInvitation() {
        f.push(acmeDirectory, person("bo@acme.com"));
        Membership bo = membership(acme, "bo@acme.com");
        assertEquals(MembershipStatus.ACTIVE, bo.status());
        assertTrue(bo.directoryManaged());
        assertEquals("member", bo.role());
        assertTrue(invitations(acme, null).isEmpty());
        assertTrue(f.invitationsSent.isEmpty());
        assertEquals(List.of("organization_membership.created"), f.events("organization_membership.created"));
    }

    @Test
    void P14_aGuestGetsAPendingMembershipAndAnInvitation() {
        DirectoryUser guest = f.push(acmeDirectory, person("guest@contractor.example", "Gus", "Guest"));
        assertEquals(ProvisioningState.PROVISIONED, f.state(acmeDirectory, guest.id()));
        User user = user("guest@contractor.example");
        assertFalse(user.emailVerified());
        assertEquals(MembershipStatus.PENDING, membership(acme, "guest@contractor.example").status());

        List<Invitation> pending = invitations(acme, InvitationState.PENDING);
        assertEquals(1, pending.size());
        Invitation invitation = pending.get(0);
        assertEquals(user.id(), invitation.userId());
        assertEquals(Duration.ofDays(7), Duration.between(invitation.createdAt(), invitation.expiresAt()));

        assertEquals(1, f.invitationsSent.size());
        InvitationDelivery delivery = f.invitationsSent.get(0);
        assertEquals(invitation.id(), delivery.invitation().id());
        assertTrue(delivery.token().startsWith("sgi_"));
        assertEquals("https://app.example/join?token=" + delivery.token(), delivery.acceptUrl());
        var created = f.eventsOf("invitation.created").get(0).data();
        assertEquals(delivery.acceptUrl(), created.get("acceptUrl").asText(), "for host apps that mail on their own");
        assertFalse(created.has("token"), "the token itself is no field of an event");
        assertEquals(List.of("organization_membership.created", "invitation.created"),
                f.events("organization_membership.created", "invitation.created"));
    }

    @Test
    void P14_invitationsCanBeSwitchedOffPerOrganization() {
        f.core().organizations().update(acme, null, null, false);
        f.push(acmeDirectory, person("quiet@contractor.example"));
        assertEquals(1, invitations(acme, InvitationState.PENDING).size());
        assertTrue(f.invitationsSent.isEmpty());
    }

    @Test
    void P15_aPendingMembershipGetsNoSecondInvitationAndAnActiveOneIsUnchanged() {
        DirectoryUser guest = f.push(acmeDirectory, person("guest@contractor.example"));
        f.change(acmeDirectory, guest.id(), data -> withNames(data, "New", "Name"));
        f.setActive(acmeDirectory, guest.id(), true);
        assertEquals(1, invitations(acme, null).size());
        assertEquals(1, f.invitationsSent.size());

        DirectoryUser employee = f.push(acmeDirectory, person("emp@acme.com"));
        String otherDirectory = f.directory(acme);
        f.push(otherDirectory, person("emp@acme.com"));
        f.change(acmeDirectory, employee.id(), data -> withNames(data, "Em", "Ployee"));
        assertEquals(1, f.eventsOf("organization_membership.created").stream()
                .filter(event -> event.data().get("userId").asText().equals(user("emp@acme.com").id())).count());
        assertTrue(f.eventsOf("organization_membership.updated").isEmpty());
    }

    // ---- P16-P18: updates --------------------------------------------------------------------------

    @Test
    void P16_everyChangeEmitsOneDsyncUserUpdatedWithThePreviousValuesAndANoOpEmitsNothing() {
        DirectoryUser ana = f.push(acmeDirectory, person("ana@acme.com", "Ana", "Lee"));
        DirectoryUser renamed = f.change(acmeDirectory, ana.id(), data -> withNames(data, "Anna", "Lee"));
        assertEquals(2, renamed.version());
        List<Event> updates = f.eventsOf("dsync.user.updated");
        assertEquals(1, updates.size());
        assertEquals("Ana", updates.get(0).data().at("/previousAttributes/given").asText());
        assertEquals("Anna", updates.get(0).data().at("/attributes/given").asText());

        DirectoryUser same = f.change(acmeDirectory, ana.id(), data -> data);
        assertEquals(2, same.version());
        assertEquals(1, f.eventsOf("dsync.user.updated").size());
    }

    @Test
    void P16_aNotProvisionedUserIsStillUpdated() {
        DirectoryUser noEmail = f.push(acmeDirectory, person(null));
        DirectoryUser changed = f.change(acmeDirectory, noEmail.id(), data -> withNames(data, "X", "Y"));
        assertEquals("X", changed.givenName());
        assertEquals(ProvisioningState.MISSING_EMAIL, f.state(acmeDirectory, noEmail.id()));
    }

    @Test
    void P17_nameChangesReachTheUserOnlyOnAVerifiedDomain() {
        DirectoryUser employee = f.push(acmeDirectory, person("emp@acme.com", "Em", "Ployee"));
        f.change(acmeDirectory, employee.id(), data -> withNames(data, "Emma", "Ployee"));
        assertEquals("Emma", user("emp@acme.com").firstName());
        assertEquals(1, f.events("user.updated").size());

        DirectoryUser guest = f.push(acmeDirectory, person("guest@contractor.example", "Gus", "Guest"));
        f.change(acmeDirectory, guest.id(), data -> withNames(data, "Changed", "ByIdP"));
        assertEquals("Gus", user("guest@contractor.example").firstName());
        assertEquals(1, f.events("user.updated").size());
    }

    @Test
    void P17_whenTwoOrganizationsVerifiedTheDomainTheLatestUpdateWins() {
        String sister = f.organization("Sister", "acme.com");
        String sisterDirectory = f.directory(sister);
        DirectoryUser inAcme = f.push(acmeDirectory, person("ana@acme.com", "Ana", "Lee"));
        DirectoryUser inSister = f.push(sisterDirectory, person("ana@acme.com", "Ana", "Lee"));
        f.change(acmeDirectory, inAcme.id(), data -> withNames(data, "FromAcme", "Lee"));
        assertEquals("FromAcme", user("ana@acme.com").firstName());
        f.change(sisterDirectory, inSister.id(), data -> withNames(data, "FromSister", "Lee"));
        assertEquals("FromSister", user("ana@acme.com").firstName());
    }

    @Test
    void P18_anEmailChangeInTheDirectoryNeverChangesTheUserEmail() {
        DirectoryUser ana = f.push(acmeDirectory, person("ana@acme.com"));
        String userId = user("ana@acme.com").id();
        DirectoryUser moved = f.change(acmeDirectory, ana.id(), data -> withEmail(data, "ana.lee@acme.com"));
        assertEquals("ana.lee@acme.com", moved.primaryEmail());
        assertEquals("ana@acme.com", f.core().users().get(userId).email());
        assertEquals(userId, f.status(acmeDirectory, ana.id()).userId());
        assertTrue(f.user("ana.lee@acme.com").isEmpty());
        f.change(acmeDirectory, ana.id(), data -> withNames(data, "Still", "Linked"));
        assertEquals("Still", f.core().users().get(userId).firstName());
    }

    // ---- P19-P21: deprovisioning and reprovisioning ---------------------------------------------

    @Test
    void P19_deactivationMakesTheMembershipInactiveWithTheDefaultRoleAndRevokesSessions() {
        DirectoryUser ana = f.push(acmeDirectory, person("ana@acme.com"));
        Membership active = membership(acme, "ana@acme.com");
        f.roles(acme, "admin");
        f.core().memberships().setRole(active.id(), "admin");
        long before = f.lastEventId();

        f.setActive(acmeDirectory, ana.id(), false);
        Membership inactive = membership(acme, "ana@acme.com");
        assertEquals(MembershipStatus.INACTIVE, inactive.status());
        assertEquals("member", inactive.role());
        assertEquals(List.of(user("ana@acme.com").id() + "@" + acme), f.sessionsRevoked);
        assertEquals(ProvisioningState.DEPROVISIONED, f.state(acmeDirectory, ana.id()));
        assertEquals(List.of("dsync.user.updated", "organization_membership.updated"), f.eventsAfter(before));
        assertTrue(f.user("ana@acme.com").isPresent(), "the User is never deleted");
    }

    @Test
    void P19_aPendingMembershipIsDeletedAndItsInvitationRevoked() {
        DirectoryUser guest = f.push(acmeDirectory, person("guest@contractor.example"));
        f.setActive(acmeDirectory, guest.id(), false);
        assertTrue(f.membership(acme, "guest@contractor.example").isEmpty());
        assertEquals(1, invitations(acme, InvitationState.REVOKED).size());
        assertEquals(List.of("organization_membership.deleted"), f.events("organization_membership.deleted"));
        assertEquals(List.of("invitation.revoked"), f.events("invitation.revoked"));
        assertTrue(f.sessionsRevoked.isEmpty());
    }

    @Test
    void P19_anOrganizationWithTwoDirectoriesKeepsTheMembershipWhileOneStillHoldsThePerson() {
        String otherDirectory = f.directory(acme);
        DirectoryUser inFirst = f.push(acmeDirectory, person("ana@acme.com"));
        DirectoryUser inSecond = f.push(otherDirectory, person("ana@acme.com"));
        f.setActive(acmeDirectory, inFirst.id(), false);
        assertEquals(MembershipStatus.ACTIVE, membership(acme, "ana@acme.com").status());
        assertTrue(f.sessionsRevoked.isEmpty());

        f.delete(otherDirectory, inSecond.id());
        assertEquals(MembershipStatus.INACTIVE, membership(acme, "ana@acme.com").status());
        assertEquals(1, f.sessionsRevoked.size());
    }

    @Test
    void P20_reactivationRestoresTheRememberedRole() {
        DirectoryUser ana = f.push(acmeDirectory, person("ana@acme.com"));
        f.roles(acme, "admin");
        f.core().memberships().setRole(membership(acme, "ana@acme.com").id(), "admin");
        f.setActive(acmeDirectory, ana.id(), false);
        long before = f.lastEventId();
        f.setActive(acmeDirectory, ana.id(), true);
        Membership restored = membership(acme, "ana@acme.com");
        assertEquals(MembershipStatus.ACTIVE, restored.status());
        assertEquals("admin", restored.role());
        assertEquals(ProvisioningState.PROVISIONED, f.state(acmeDirectory, ana.id()));
        assertEquals(List.of("dsync.user.updated", "organization_membership.updated"), f.eventsAfter(before));
    }

    @Test
    void P20_aDeletedPendingMembershipIsProvisionedAnew() {
        DirectoryUser guest = f.push(acmeDirectory, person("guest@contractor.example"));
        f.setActive(acmeDirectory, guest.id(), false);
        f.setActive(acmeDirectory, guest.id(), true);
        assertEquals(MembershipStatus.PENDING, membership(acme, "guest@contractor.example").status());
        assertEquals(1, invitations(acme, InvitationState.PENDING).size());
        assertEquals(2, f.invitationsSent.size());
    }

    @Test
    void P21_deleteThenRecreateLinksTheSameUserAndRestoresTheMembership() {
        DirectoryUser ana = f.push(acmeDirectory, person("ana@acme.com"));
        f.roles(acme, "admin");
        f.core().memberships().setRole(membership(acme, "ana@acme.com").id(), "admin");
        String userId = user("ana@acme.com").id();
        f.delete(acmeDirectory, ana.id());
        assertEquals(MembershipStatus.INACTIVE, membership(acme, "ana@acme.com").status());
        assertEquals(List.of("dsync.user.deleted"), f.events("dsync.user.deleted"));

        DirectoryUser again = f.push(acmeDirectory, person("ana@acme.com"));
        assertFalse(again.id().equals(ana.id()));
        assertEquals(userId, f.status(acmeDirectory, again.id()).userId());
        Membership back = membership(acme, "ana@acme.com");
        assertEquals(MembershipStatus.ACTIVE, back.status());
        assertEquals("admin", back.role());
        assertEquals(1, f.events("user.created").size());
    }

    // ---- P22: group roles -------------------------------------------------------------------------

    @Test
    void P22_theHighestPriorityMappedRoleWinsAndReplacesAHandSetRoleAtTheNextChange() {
        DirectoryUser ana = f.push(acmeDirectory, person("ana@acme.com"));
        var groups = f.core().directoryGroups();
        var engineers = groups.create(acmeDirectory, new DirectoryGroupData("Engineers", null, "{}"), List.of());
        var admins = groups.create(acmeDirectory, new DirectoryGroupData("Admins", null, "{}"), List.of());
        f.roles(acme, "engineer", "admin", "owner");
        f.core().groupRoles().replace(acme, List.of(
                new GroupRoles.Mapping(engineers.id(), "engineer", 10),
                new GroupRoles.Mapping(admins.id(), "admin", 20)));

        groups.update(acmeDirectory, engineers.id(), null, edit -> edit.addMembers(List.of(ana.id())));
        assertEquals("engineer", membership(acme, "ana@acme.com").role());
        groups.update(acmeDirectory, admins.id(), null, edit -> edit.addMembers(List.of(ana.id())));
        assertEquals("admin", membership(acme, "ana@acme.com").role());

        f.core().memberships().setRole(membership(acme, "ana@acme.com").id(), "owner");
        groups.update(acmeDirectory, admins.id(), null, edit -> edit.removeMembers(List.of(ana.id())));
        assertEquals("engineer", membership(acme, "ana@acme.com").role());
        groups.delete(acmeDirectory, engineers.id(), null);
        assertEquals("member", membership(acme, "ana@acme.com").role());
    }

    @Test
    void P22_deletingTheOnlyMappedGroupReturnsItsMembersToTheDefaultRole() {
        DirectoryUser ana = f.push(acmeDirectory, person("ana@acme.com"));
        var finance = f.core().directoryGroups().create(acmeDirectory, new DirectoryGroupData("Finance", null, "{}"),
                List.of(ana.id()));
        f.roles(acme, "finance");
        f.core().groupRoles().replace(acme, List.of(new GroupRoles.Mapping(finance.id(), "finance", 10)));
        f.core().directoryGroups().update(acmeDirectory, finance.id(), null, edit -> edit.replaceMembers(List.of(ana.id())));
        f.core().directoryGroups().update(acmeDirectory, finance.id(), null, edit -> edit.removeAllMembers());
        f.core().directoryGroups().update(acmeDirectory, finance.id(), null, edit -> edit.addMembers(List.of(ana.id())));
        assertEquals("finance", membership(acme, "ana@acme.com").role());
        f.core().directoryGroups().delete(acmeDirectory, finance.id(), null);
        assertEquals("member", membership(acme, "ana@acme.com").role());
        assertTrue(f.core().groupRoles().list(acme).isEmpty());
    }

    @Test
    void P22_withMappingAReactivatedMemberGetsItsMappedRole() {
        DirectoryUser ana = f.push(acmeDirectory, person("ana@acme.com"));
        var support = f.core().directoryGroups().create(acmeDirectory, new DirectoryGroupData("Support", null, "{}"),
                List.of(ana.id()));
        f.roles(acme, "support");
        f.core().groupRoles().replace(acme, List.of(new GroupRoles.Mapping(support.id(), "support", 1)));
        f.setActive(acmeDirectory, ana.id(), false);
        f.setActive(acmeDirectory, ana.id(), true);
        assertEquals("support", membership(acme, "ana@acme.com").role());
    }

    @Test
    void P22_mappingsOnlyNameGroupsOfTheOrganization() {
        String other = f.organization("Other");
        var foreign = f.core().directoryGroups().create(f.directory(other), new DirectoryGroupData("X", null, "{}"), List.of());
        ScimgateException refused = assertThrows(ScimgateException.class, () -> f.core().groupRoles().replace(acme,
                List.of(new GroupRoles.Mapping(foreign.id(), "x", 1))));
        assertEquals(ErrorCode.UNKNOWN_GROUP, refused.code());
    }

    // ---- P23: invitations -----------------------------------------------------------------------

    @Test
    void P23_acceptingMakesThePendingMembershipActiveAndTheEmailVerifiedOnce() {
        f.push(acmeDirectory, person("guest@contractor.example"));
        String token = f.invitationsSent.get(0).token();
        long before = f.lastEventId();
        Invitation accepted = f.core().invitations().accept(token);
        assertEquals(InvitationState.ACCEPTED, accepted.state());
        assertEquals(MembershipStatus.ACTIVE, membership(acme, "guest@contractor.example").status());
        assertTrue(user("guest@contractor.example").emailVerified());
        List<String> emitted = f.eventsAfter(before);
        assertTrue(emitted.containsAll(List.of("invitation.accepted", "organization_membership.updated")), emitted.toString());

        ScimgateException again = assertThrows(ScimgateException.class, () -> f.core().invitations().accept(token));
        assertEquals(ErrorCode.INVITATION_ACCEPTED, again.code());
        assertThrows(ScimgateException.class, () -> f.core().invitations().accept("sgi_not-a-token"));
    }

    @Test
    void P23_anExpiredInvitationCannotBeAcceptedAndItsResendIsAFreshInvitation() {
        f.push(acmeDirectory, person("late@contractor.example"));
        String token = f.invitationsSent.get(0).token();
        f.clock.advance(Duration.ofDays(7).plusSeconds(1));
        Invitation invitation = invitations(acme, InvitationState.EXPIRED).get(0);
        ScimgateException expired = assertThrows(ScimgateException.class, () -> f.core().invitations().accept(token));
        assertEquals(ErrorCode.INVITATION_EXPIRED, expired.code());

        var resent = f.core().invitations().resend(invitation.id());
        assertNotEquals(invitation.id(), resent.invitation().id(), "a fresh invitation");
        assertEquals(InvitationState.PENDING, resent.invitation().state());
        assertEquals(InvitationState.EXPIRED, f.core().invitations().get(invitation.id()).state());
        assertEquals(2, f.invitationsSent.size());
        assertEquals(resent.invitation().id(), f.invitationsSent.get(1).invitation().id());
        assertThrows(ScimgateException.class, () -> f.core().invitations().accept(token), "the old token is void");
        assertEquals(InvitationState.ACCEPTED, f.core().invitations().accept(resent.token()).state());
        assertEquals(2, f.events("invitation.created").size());
        assertTrue(f.events("invitation.resent").isEmpty());
    }

    @Test
    void P23_aPendingInvitationIsResentWithANewToken() {
        f.push(acmeDirectory, person("guest@contractor.example"));
        Invitation invitation = invitations(acme, InvitationState.PENDING).get(0);
        var resent = f.core().invitations().resend(invitation.id());
        assertEquals(invitation.id(), resent.invitation().id());
        assertTrue(f.invitationsSent.get(1).resent());
        assertEquals(resent.acceptUrl(), f.eventsOf("invitation.resent").get(0).data().get("acceptUrl").asText());
        assertThrows(ScimgateException.class, () -> f.core().invitations().accept(f.invitationsSent.get(0).token()));
        assertEquals(InvitationState.ACCEPTED, f.core().invitations().accept(resent.token()).state());
    }

    @Test
    void P23_onlyPendingInvitationsCanBeRevoked() {
        f.push(acmeDirectory, person("guest@contractor.example"));
        Invitation invitation = invitations(acme, InvitationState.PENDING).get(0);
        assertEquals(InvitationState.REVOKED, f.core().invitations().revoke(invitation.id()).state());
        assertThrows(ScimgateException.class, () -> f.core().invitations().accept(f.invitationsSent.get(0).token()));
        ScimgateException revokeAgain = assertThrows(ScimgateException.class, () -> f.core().invitations().revoke(invitation.id()));
        assertEquals(ScimgateException.Kind.INVALID, revokeAgain.kind());
        assertEquals(ErrorCode.INVITATION_REVOKED, revokeAgain.code());
        assertEquals(List.of("invitation.revoked"), f.events("invitation.revoked"));
    }

    @Test
    void P23_revokingAnExpiredInvitationIsAConflict() {
        f.push(acmeDirectory, person("guest@contractor.example"));
        Invitation invitation = invitations(acme, InvitationState.PENDING).get(0);
        f.clock.advance(Duration.ofDays(8));
        ScimgateException conflict = assertThrows(ScimgateException.class, () -> f.core().invitations().revoke(invitation.id()));
        assertEquals(ScimgateException.Kind.CONFLICT, conflict.kind());
        assertEquals(ErrorCode.INVITATION_EXPIRED, conflict.code());
        assertEquals(InvitationState.EXPIRED, f.core().invitations().get(invitation.id()).state());
        assertTrue(f.events("invitation.revoked").isEmpty());
    }

    @Test
    void P23_theInvitationExpiryIsConfigurable() {
        try (var custom = io.scimgate.core.testing.TestCore.start(builder -> builder.invitationExpiry(Duration.ofHours(12)))) {
            String org = custom.core().organizations().create("Short").id();
            String directory = custom.core().directories().create(org, "D", io.scimgate.core.directory.DirectoryProvider.OKTA)
                    .directory().id();
            custom.core().directoryUsers().create(directory, person("x@elsewhere.example"));
            Invitation invitation = custom.core().invitations().list(org, null).get(0);
            assertEquals(Duration.ofHours(12), Duration.between(invitation.createdAt(), invitation.expiresAt()));
        }
    }

    // ---- P24: domain verification promotes ------------------------------------------------------

    @Test
    void P24_verifyingADomainPromotesPendingDirectoryMembershipsOnIt() {
        f.push(acmeDirectory, person("one@newco.example"));
        f.push(acmeDirectory, person("two@elsewhere.example"));
        long before = f.lastEventId();
        f.verifyDomain(acme, "newco.example");
        assertEquals(MembershipStatus.ACTIVE, membership(acme, "one@newco.example").status());
        assertTrue(user("one@newco.example").emailVerified());
        assertEquals(MembershipStatus.PENDING, membership(acme, "two@elsewhere.example").status());
        assertEquals(1, invitations(acme, InvitationState.REVOKED).size());
        List<String> emitted = f.eventsAfter(before);
        assertTrue(emitted.containsAll(List.of("organization_domain.verified", "organization_membership.updated",
                "invitation.revoked", "user.updated")), emitted.toString());
    }

    // ---- P25, P6 --------------------------------------------------------------------------------

    @Test
    void P25_aProvisioningCreateWritesItsEventsInOrder() {
        long before = f.lastEventId();
        f.push(acmeDirectory, person("guest@contractor.example"));
        assertEquals(List.of("dsync.user.created", "user.created", "organization_membership.created", "invitation.created"),
                f.eventsAfter(before));
    }

    @Test
    void P25_aFailedWriteLeavesNothingBehind() {
        f.push(acmeDirectory, person("taken@acme.com"));
        long before = f.lastEventId();
        DirectoryUserData clash = new DirectoryUserData("TAKEN@acme.com", null, true, null, null, null,
                List.of(new EmailAddress("new.person@acme.com", "work", true)), null, null, null, "{}");
        assertThrows(ScimgateException.class, () -> f.push(acmeDirectory, clash));
        assertTrue(f.user("new.person@acme.com").isEmpty());
        assertTrue(f.eventsAfter(before).isEmpty());
    }

    @Test
    void P6_deletingADirectoryKeepsUsersAndMembershipsWhichStopBeingDirectoryManaged() {
        f.push(acmeDirectory, person("ana@acme.com"));
        f.push(acmeDirectory, person("guest@contractor.example"));
        long before = f.lastEventId();
        f.core().directories().delete(acmeDirectory);
        assertEquals(List.of("organization_membership.updated", "organization_membership.updated", "dsync.deleted"),
                f.eventsAfter(before));
        Membership ana = membership(acme, "ana@acme.com");
        assertEquals(MembershipStatus.ACTIVE, ana.status());
        assertFalse(ana.directoryManaged());
        assertFalse(membership(acme, "guest@contractor.example").directoryManaged());
        assertEquals(MembershipStatus.PENDING, membership(acme, "guest@contractor.example").status());
        assertTrue(f.eventsOf("organization_membership.updated").get(0).data().at("/previousAttributes/directoryManaged")
                .asBoolean());
        assertTrue(f.core().directories().find(acmeDirectory).isEmpty());
    }

    @Test
    void P6_aPersonAnotherDirectoryOfTheOrganizationStillHoldsStaysDirectoryManaged() {
        String otherDirectory = f.directory(acme);
        f.push(acmeDirectory, person("both@acme.com"));
        f.push(otherDirectory, person("both@acme.com"));
        long before = f.lastEventId();
        f.core().directories().delete(acmeDirectory);
        assertEquals(List.of("dsync.deleted"), f.eventsAfter(before));
        assertTrue(membership(acme, "both@acme.com").directoryManaged());
    }
}
