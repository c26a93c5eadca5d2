package io.scimgate.core.role;

import static io.scimgate.core.testing.ProvisioningFixture.person;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimgate.core.directory.DirectoryGroup;
import io.scimgate.core.directory.DirectoryGroupData;
import io.scimgate.core.directory.DirectoryUser;
import io.scimgate.core.directory.DirectoryUserData;
import io.scimgate.core.directory.DirectoryUserDetails;
import io.scimgate.core.membership.GroupRoles;
import io.scimgate.core.membership.MembershipStatus;
import io.scimgate.core.organization.Role;
import io.scimgate.core.testing.ProvisioningFixture;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * RULES.md P28 (roles from the IdP and their precedence over group mappings and the default) and
 * P22 (mappings apply to the people already in a group).
 */
class MemberRolesTest {

    private ProvisioningFixture f;
    private String acme;
    private String directoryId;

    @BeforeEach
    void start() {
        f = new ProvisioningFixture();
        acme = f.organization("Acme", "acme.com");
        directoryId = f.directory(acme);
        f.roles(acme, "admin", "engineer", "viewer");
    }

    @AfterEach
    void stop() {
        f.close();
    }

    /** A person whose directory sends {@code roles} as given (a JSON array). */
    private static DirectoryUserData withRoles(String email, String roles) {
        DirectoryUserData data = person(email);
        String document = "{\"userName\":\"" + email + "\",\"roles\":" + roles + "}";
        return new DirectoryUserData(data.userName(), data.externalId(), data.active(), data.displayName(), data.givenName(),
                data.familyName(), data.emails(), data.title(), data.employeeNumber(), data.department(), document);
    }

    private String role(String email) {
        return f.membership(acme, email).orElseThrow().role();
    }

    private DirectoryGroup group(String name, List<String> members) {
        return f.core().directoryGroups().create(directoryId, new DirectoryGroupData(name, null, "{}"), members);
    }

    private DirectoryUserDetails details(DirectoryUser user) {
        return f.core().directoryDetails().user(user.directoryId(), user.id());
    }

    @Test
    void P28_anEntraAppRoleMarkedPrimarySetsTheMembershipsRole() {
        f.push(directoryId, withRoles("ana@acme.com", "[{\"value\":\"viewer\"},{\"value\":\"admin\",\"primary\":\"True\"}]"));
        assertEquals("admin", role("ana@acme.com"));
    }

    @Test
    void P28_withoutPrimaryTheFirstValueThatNamesARoleCountsInAnyCase() {
        DirectoryUser ana = f.push(directoryId, withRoles("ana@acme.com",
                "[{\"value\":\"Superadmin\",\"display\":\"Super\"},{\"value\":\"Engineer\"},{\"value\":\"viewer\"}]"));
        assertEquals("engineer", role("ana@acme.com"));
        assertTrue(details(ana).provisioning().detail().contains("'Superadmin'"), details(ana).provisioning()::detail);
    }

    @Test
    void P28_anUnknownRoleIsKeptAsSentAndReportedNotAnError() {
        DirectoryUser ana = f.push(directoryId, withRoles("ana@acme.com", "[{\"value\":\"superadmin\",\"primary\":true}]"));
        assertEquals("member", role("ana@acme.com"), "the default role");
        DirectoryUserDetails details = details(ana);
        assertEquals("provisioned", details.provisioning().state());
        assertTrue(details.provisioning().detail().contains("'superadmin'"), details.provisioning()::detail);
        assertEquals("superadmin", details.rawAttributes().at("/roles/0/value").asText());

        f.core().organizationRoles().replace(acme, List.of(new Role("member", "Member", true), new Role("superadmin", "Super", false)));
        assertEquals("superadmin", role("ana@acme.com"), "a role added to the catalogue applies to those who asked for it");
        assertEquals(null, details(ana).provisioning().detail());
    }

    @Test
    void P28_anIdpRoleWinsOverAGroupMappingWhichWinsOverTheDefault() {
        DirectoryUser ana = f.push(directoryId, withRoles("ana@acme.com", "[{\"value\":\"admin\"}]"));
        DirectoryGroup eng = group("Eng", List.of(ana.id()));
        f.core().groupRoles().replace(acme, List.of(new GroupRoles.Mapping(eng.id(), "engineer", 10)));
        assertEquals("admin", role("ana@acme.com"), "IdP role over group mapping");

        f.change(directoryId, ana.id(), data -> withRoles("ana@acme.com", "[]"));
        assertEquals("engineer", role("ana@acme.com"), "the IdP took its role back: the mapping applies");

        f.core().directoryGroups().update(directoryId, eng.id(), null, edit -> edit.removeAllMembers());
        assertEquals("member", role("ana@acme.com"), "no group mapped: the default");

        f.change(directoryId, ana.id(), data -> withRoles("ana@acme.com", "[{\"value\":\"viewer\",\"primary\":true}]"));
        assertEquals("viewer", role("ana@acme.com"));
    }

    @Test
    void P28_theIdpRoleOutlivesDeprovisioningAndCountsAgainOnReactivation() {
        DirectoryUser ana = f.push(directoryId, withRoles("ana@acme.com", "[{\"value\":\"admin\"}]"));
        f.setActive(directoryId, ana.id(), false);
        assertEquals("member", role("ana@acme.com"), "P19: the default while inactive");
        f.setActive(directoryId, ana.id(), true);
        assertEquals(MembershipStatus.ACTIVE, f.membership(acme, "ana@acme.com").orElseThrow().status());
        assertEquals("admin", role("ana@acme.com"));
    }

    @Test
    void P28_anIdpRoleAppliesToAPersonWhoWasAlreadyAMember() {
        DirectoryUser ana = f.push(directoryId, person("ana@acme.com"));
        f.core().memberships().setRole(f.membership(acme, "ana@acme.com").orElseThrow().id(), "viewer");
        f.change(directoryId, ana.id(), data -> withRoles("ana@acme.com", "[{\"value\":\"admin\"}]"));
        assertEquals("admin", role("ana@acme.com"));

        String other = f.directory(acme);
        f.push(other, withRoles("ana@acme.com", "[{\"value\":\"engineer\"}]"));
        assertEquals("engineer", role("ana@acme.com"), "the most recently updated directory user's role counts");
    }

    @Test
    void P22_aMappingAppliesToThePeopleAlreadyInTheGroupWhenItIsCreatedChangedOrRemoved() {
        DirectoryUser ana = f.push(directoryId, person("ana@acme.com"));
        DirectoryUser bo = f.push(directoryId, person("bo@acme.com"));
        DirectoryGroup eng = group("Eng", List.of(ana.id(), bo.id()));
        f.core().memberships().setRole(f.membership(acme, "bo@acme.com").orElseThrow().id(), "viewer");

        f.core().groupRoles().replace(acme, List.of(new GroupRoles.Mapping(eng.id(), "engineer", 1)));
        assertEquals("engineer", role("ana@acme.com"));
        assertEquals("engineer", role("bo@acme.com"), "the mapping replaces a role set by hand");

        long before = f.lastEventId();
        f.core().groupRoles().replace(acme, List.of(new GroupRoles.Mapping(eng.id(), "admin", 1)));
        assertEquals("admin", role("ana@acme.com"));
        assertEquals(List.of("organization_membership.updated", "organization_membership.updated"), f.eventsAfter(before));

        f.core().groupRoles().replace(acme, List.of(new GroupRoles.Mapping(eng.id(), "admin", 1)));
        assertEquals(List.of("organization_membership.updated", "organization_membership.updated"), f.eventsAfter(before),
                "the same mappings again change nothing");

        f.core().groupRoles().replace(acme, List.of());
        assertEquals("member", role("ana@acme.com"));
        assertEquals("member", role("bo@acme.com"));
    }

    @Test
    void P21_P28_deletingADirectoryUserRecomputesTheRoleThePersonsOtherDirectoryUsersGive() {
        String other = f.directory(acme);
        DirectoryUser inOkta = f.push(directoryId, person("ana@acme.com"));
        DirectoryUser inEntra = f.push(other, person("ana@acme.com"));
        DirectoryGroup admins = group("Admins", List.of(inOkta.id()));
        DirectoryGroup engineers = f.core().directoryGroups().create(other, new DirectoryGroupData("Eng", null, "{}"),
                List.of(inEntra.id()));
        f.core().groupRoles().replace(acme, List.of(new GroupRoles.Mapping(admins.id(), "admin", 20),
                new GroupRoles.Mapping(engineers.id(), "engineer", 10)));
        assertEquals("admin", role("ana@acme.com"));

        f.delete(directoryId, inOkta.id());
        assertEquals(MembershipStatus.ACTIVE, f.membership(acme, "ana@acme.com").orElseThrow().status());
        assertEquals("engineer", role("ana@acme.com"));
        assertTrue(f.sessionsRevoked.isEmpty());
    }

    @Test
    void P21_P28_anIdpRoleGoesWithTheDirectoryUserThatGaveIt() {
        String other = f.directory(acme);
        DirectoryUser inOkta = f.push(directoryId, withRoles("ana@acme.com", "[{\"value\":\"admin\"}]"));
        f.push(other, person("ana@acme.com"));
        assertEquals("admin", role("ana@acme.com"));
        f.delete(directoryId, inOkta.id());
        assertEquals("member", role("ana@acme.com"));
    }
}
