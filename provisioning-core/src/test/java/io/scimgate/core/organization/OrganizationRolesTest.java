package io.scimgate.core.organization;

import io.scimgate.core.CoreInternals;
import io.scimgate.core.ErrorCode;
import static io.scimgate.core.testing.ProvisioningFixture.person;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimgate.core.ScimgateException;
import io.scimgate.core.directory.DirectoryGroupData;
import io.scimgate.core.directory.DirectoryUser;
import io.scimgate.core.membership.GroupRoles;
import io.scimgate.core.membership.Membership;
import io.scimgate.core.testing.ProvisioningFixture;
import java.util.List;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** RULES.md P26: each organization's role catalogue, and that memberships and mappings keep to it. */
class OrganizationRolesTest {

    private ProvisioningFixture f;
    private String acme;
    private String directory;

    @BeforeEach
    void start() {
        f = new ProvisioningFixture();
        acme = f.organization("Acme", "acme.com");
        directory = f.directory(acme);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private OrganizationRoles roles() {
        return f.core().organizationRoles();
    }

    private Membership membership(String email) {
        return f.membership(acme, email).orElseThrow();
    }

    private static void refused(String code, Executable action) {
        assertEquals(code, assertThrows(ScimgateException.class, action).code().wireName());
    }

    @Test
    void P26_aNewOrganizationHasOneDefaultRole() {
        assertEquals(List.of(new Role("member", "Member", true)), roles().list(acme));
        assertEquals("member", f.core().organizations().get(acme).defaultRole());
    }

    @Test
    void P26_theCatalogueIsReplacedInOrderAndNamesTheDefault() {
        List<Role> replaced = roles().replace(acme, List.of(new Role("viewer", "Viewer", true),
                new Role("member", "Member", false), new Role("admin", null, false)));
        assertEquals(List.of(new Role("viewer", "Viewer", true), new Role("member", "Member", false),
                new Role("admin", "admin", false)), replaced, "a role without a name is named after its slug");
        assertEquals(replaced, roles().list(acme));
        assertEquals("viewer", f.core().organizations().get(acme).defaultRole());
        assertEquals(List.of("role.created", "role.created"), f.events("role.created", "role.deleted"));
        assertEquals(1, f.events("role.updated").size(), "member is no longer the default");

        f.push(directory, person("ana@acme.com"));
        assertEquals("viewer", membership("ana@acme.com").role(), "new members get the new default");
    }

    @Test
    void P26_aCatalogueNeedsExactlyOneDefaultAndValidDistinctSlugs() {
        refused("one_default_role", () -> roles().replace(acme, List.of(new Role("member", "M", false))));
        refused("one_default_role", () -> roles().replace(acme, List.of(new Role("a", "A", true), new Role("b", "B", true))));
        refused("duplicate_role", () -> roles().replace(acme, List.of(new Role("a", "A", true), new Role("a", "B", false))));
        refused("invalid_role", () -> roles().replace(acme, List.of(new Role("Not A Slug", "X", true))));
        refused("roles_required", () -> roles().replace(acme, List.of()));
        refused("organization_not_found", () -> roles().replace("nope", List.of(new Role("a", "A", true))));
        assertEquals(List.of(new Role("member", "Member", true)), roles().list(acme), "nothing half-written");
    }

    @Test
    void P26_manualAssignmentsMappingsAndTheDefaultMustNameARoleOfTheCatalogue() {
        f.push(directory, person("ana@acme.com"));
        var group = f.core().directoryGroups().create(directory, new DirectoryGroupData("Eng", null, "{}"), List.of());
        refused("unknown_role", () -> f.core().memberships().setRole(membership("ana@acme.com").id(), "admin"));
        refused("unknown_role", () -> f.core().groupRoles().replace(acme, List.of(new GroupRoles.Mapping(group.id(), "admin", 1))));
        refused("unknown_role", () -> f.core().organizations().update(acme, null, "admin", null));

        f.roles(acme, "admin");
        assertEquals("admin", f.core().memberships().setRole(membership("ana@acme.com").id(), "admin").role());
        assertEquals(1, f.core().groupRoles().replace(acme, List.of(new GroupRoles.Mapping(group.id(), "admin", 1))).size());
        assertEquals("admin", f.core().organizations().update(acme, null, "admin", null).defaultRole());
        assertTrue(roles().list(acme).stream().filter(Role::isDefault).allMatch(role -> role.slug().equals("admin")));
    }

    @Test
    void P26_aRoleStillHeldOrMappedCannotBeRemoved() {
        f.push(directory, person("ana@acme.com"));
        f.roles(acme, "admin", "engineer");
        f.core().memberships().setRole(membership("ana@acme.com").id(), "admin");
        var group = f.core().directoryGroups().create(directory, new DirectoryGroupData("Eng", null, "{}"), List.of());
        f.core().groupRoles().replace(acme, List.of(new GroupRoles.Mapping(group.id(), "engineer", 1)));

        ScimgateException inUse = assertThrows(ScimgateException.class,
                () -> roles().replace(acme, List.of(new Role("member", "Member", true))));
        assertEquals(ErrorCode.ROLE_IN_USE, inUse.code());
        assertEquals(ScimgateException.Kind.CONFLICT, inUse.kind());
        assertTrue(inUse.getMessage().contains("'admin' is the role of 1 membership"), inUse.getMessage());
        assertTrue(inUse.getMessage().contains("'engineer' is named by a group mapping"), inUse.getMessage());
        assertEquals(3, roles().list(acme).size(), "nothing removed");

        f.core().memberships().setRole(membership("ana@acme.com").id(), "member");
        f.core().groupRoles().replace(acme, List.of());
        roles().replace(acme, List.of(new Role("member", "Member", true)));
        assertEquals(List.of("role.deleted", "role.deleted"), f.events("role.deleted"));
    }

    @Test
    void P26_aRemovedRoleIsForgottenByDeprovisionedMembersWhoRememberedIt() {
        DirectoryUser ana = f.push(directory, person("ana@acme.com"));
        f.roles(acme, "admin");
        f.core().memberships().setRole(membership("ana@acme.com").id(), "admin");
        f.setActive(directory, ana.id(), false);
        roles().replace(acme, List.of(new Role("member", "Member", true)));
        assertNull(CoreInternals.database(f.core()).dsl().select(DSL.field("remembered_role", String.class))
                .from(DSL.table("organization_membership")).fetchOne(0, String.class));

        f.setActive(directory, ana.id(), true);
        assertEquals("member", membership("ana@acme.com").role(), "P20 falls back to the default");
    }
}
