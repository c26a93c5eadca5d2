package io.scimgate.core.organization;

import static io.scimgate.core.store.schema.Tables.GROUP_ROLE;
import static io.scimgate.core.store.schema.Tables.ORGANIZATION;
import static io.scimgate.core.store.schema.Tables.ORGANIZATION_MEMBERSHIP;
import static io.scimgate.core.store.schema.Tables.ORGANIZATION_ROLE;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.core.ErrorCode;
import io.scimgate.core.ScimgateException;
import io.scimgate.core.events.Events;
import io.scimgate.core.organization.internal.CatalogueHook;
import io.scimgate.core.organization.internal.OrganizationRows;
import io.scimgate.core.store.internal.Database;
import io.scimgate.core.store.internal.Times;
import io.scimgate.core.store.schema.tables.records.OrganizationRecord;
import io.scimgate.core.store.schema.tables.records.OrganizationRoleRecord;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * Each organization's role catalogue (RULES.md P26). Memberships, group mappings and the default
 * role name roles of it; a role still held by a membership or named by a group mapping cannot be
 * removed. Emits {@code role.created}, {@code role.updated} and {@code role.deleted}.
 */
public final class OrganizationRoles {

    public static final int MAX_ROLES = 100;
    public static final String DEFAULT_SLUG = "member";
    public static final String DEFAULT_NAME = "Member";
    private static final int MAX_NAME_LENGTH = 256;
    private static final Pattern ROLE = Pattern.compile("[a-z0-9][a-z0-9_.:-]{0,63}");

    private final Database database;
    private final Clock clock;
    private final CatalogueHook onRolesAdded;

    public OrganizationRoles(Database database, Clock clock, CatalogueHook onRolesAdded) {
        this.database = database;
        this.clock = clock;
        this.onRolesAdded = onRolesAdded;
    }

    /** The catalogue in its order, the default role marked. */
    public List<Role> list(String organizationId) {
        DSLContext dsl = database.dsl();
        String defaultRole = dsl.select(ORGANIZATION.DEFAULT_ROLE).from(ORGANIZATION)
                .where(ORGANIZATION.ID.eq(organizationId))
                .fetchOptional(ORGANIZATION.DEFAULT_ROLE)
                .orElseThrow(() -> Organizations.notFound(organizationId));
        return read(dsl, organizationId, defaultRole);
    }

    /**
     * Replaces the catalogue with {@code roles}, in that order. Exactly one is the default. A role
     * left out must not be held by any membership or named by a group mapping (409
     * {@code role_in_use}); memberships that only remember it (deprovisioned ones) will be
     * reactivated with the role their directory gives them, else the default.
     */
    public List<Role> replace(String organizationId, List<Role> roles) {
        List<Role> wanted = validated(roles);
        return database.transaction(tx -> {
            DSLContext dsl = tx.dsl();
            OrganizationRecord organization = dsl.selectFrom(ORGANIZATION).where(ORGANIZATION.ID.eq(organizationId))
                    .forUpdate().fetchOptional().orElseThrow(() -> Organizations.notFound(organizationId));
            Map<String, Role> before = new LinkedHashMap<>();
            read(dsl, organizationId, organization.getDefaultRole()).forEach(role -> before.put(role.slug(), role));
            Set<String> removed = new LinkedHashSet<>(before.keySet());
            wanted.forEach(role -> removed.remove(role.slug()));
            refuseRemovingRolesInUse(dsl, organizationId, removed);

            OffsetDateTime now = Times.now(clock);
            if (!removed.isEmpty()) {
                dsl.update(ORGANIZATION_MEMBERSHIP)
                        .set(ORGANIZATION_MEMBERSHIP.REMEMBERED_ROLE, (String) null)
                        .where(ORGANIZATION_MEMBERSHIP.ORGANIZATION_ID.eq(organizationId),
                                ORGANIZATION_MEMBERSHIP.REMEMBERED_ROLE.in(removed))
                        .execute();
                dsl.deleteFrom(ORGANIZATION_ROLE)
                        .where(ORGANIZATION_ROLE.ORGANIZATION_ID.eq(organizationId), ORGANIZATION_ROLE.SLUG.in(removed))
                        .execute();
                removed.forEach(slug -> tx.emit("role.deleted", organizationId, null, eventData(organizationId, before.get(slug))));
            }
            Set<String> added = new LinkedHashSet<>();
            for (int position = 0; position < wanted.size(); position++) {
                Role role = wanted.get(position);
                Role old = before.get(role.slug());
                if (old == null) {
                    dsl.executeInsert(new OrganizationRoleRecord(organizationId, role.slug(), role.name(), position + 1, now, now));
                    added.add(role.slug());
                    tx.emit("role.created", organizationId, null, eventData(organizationId, role));
                    continue;
                }
                dsl.update(ORGANIZATION_ROLE)
                        .set(ORGANIZATION_ROLE.NAME, role.name())
                        .set(ORGANIZATION_ROLE.POSITION, position + 1)
                        .set(ORGANIZATION_ROLE.UPDATED_AT, old.equals(role) ? ORGANIZATION_ROLE.UPDATED_AT : DSL.val(now))
                        .where(ORGANIZATION_ROLE.ORGANIZATION_ID.eq(organizationId), ORGANIZATION_ROLE.SLUG.eq(role.slug()))
                        .execute();
                if (!old.equals(role)) {
                    tx.emit("role.updated", organizationId, null, eventData(organizationId, role));
                }
            }
            String defaultRole = wanted.stream().filter(Role::isDefault).findFirst().orElseThrow().slug();
            if (!defaultRole.equals(organization.getDefaultRole())) {
                organization.setDefaultRole(defaultRole);
                organization.setUpdatedAt(now);
                organization.store();
                tx.emit("organization.updated", organizationId, null, Organizations.eventData(OrganizationRows.toOrganization(organization)));
            }
            tx.tenantChanged(organizationId);
            if (!added.isEmpty()) {
                onRolesAdded.rolesAdded(tx, organizationId, Set.copyOf(added));
            }
            return read(dsl, organizationId, defaultRole);
        });
    }

    /** A role slug as memberships, group mappings and the catalogue store it, or {@code invalid_role}. */
    public static String checkRole(String role) {
        if (role == null || !ROLE.matcher(role).matches()) {
            throw new ScimgateException(ErrorCode.INVALID_ROLE,
                    "A role is a slug of lower-case letters, digits and . _ : - (at most 64), not '" + role + "'");
        }
        return role;
    }

    /** Starts a new organization's catalogue with its default role. */
    static void createDefault(DSLContext dsl, String organizationId, OffsetDateTime now) {
        dsl.executeInsert(new OrganizationRoleRecord(organizationId, DEFAULT_SLUG, DEFAULT_NAME, 1, now, now));
    }

    private static List<Role> validated(List<Role> roles) {
        if (roles == null || roles.isEmpty()) {
            throw new ScimgateException(ErrorCode.ROLES_REQUIRED, "An organization has at least one role");
        }
        if (roles.size() > MAX_ROLES) {
            throw new ScimgateException(ErrorCode.TOO_MANY_ROLES, "An organization has at most " + MAX_ROLES + " roles");
        }
        List<Role> checked = new ArrayList<>();
        Set<String> slugs = new LinkedHashSet<>();
        int defaults = 0;
        for (Role role : roles) {
            if (role == null) {
                throw new ScimgateException(ErrorCode.INVALID_ROLE, "Each role is an object {slug, name, default}");
            }
            String slug = checkRole(role.slug());
            if (!slugs.add(slug)) {
                throw new ScimgateException(ErrorCode.DUPLICATE_ROLE, "Role '" + slug + "' is listed twice");
            }
            String name = role.name() == null || role.name().isBlank() ? slug : role.name().trim();
            if (name.length() > MAX_NAME_LENGTH) {
                throw new ScimgateException(ErrorCode.NAME_TOO_LONG, "A role name has at most " + MAX_NAME_LENGTH + " characters");
            }
            defaults += role.isDefault() ? 1 : 0;
            checked.add(new Role(slug, name, role.isDefault()));
        }
        if (defaults != 1) {
            throw new ScimgateException(ErrorCode.ONE_DEFAULT_ROLE, "Exactly one role is the default (\"default\": true), not " + defaults);
        }
        return checked;
    }

    private static void refuseRemovingRolesInUse(DSLContext dsl, String organizationId, Set<String> removed) {
        if (removed.isEmpty()) {
            return;
        }
        Map<String, Integer> heldBy = new LinkedHashMap<>();
        dsl.select(ORGANIZATION_MEMBERSHIP.ROLE, DSL.count())
                .from(ORGANIZATION_MEMBERSHIP)
                .where(ORGANIZATION_MEMBERSHIP.ORGANIZATION_ID.eq(organizationId), ORGANIZATION_MEMBERSHIP.ROLE.in(removed))
                .groupBy(ORGANIZATION_MEMBERSHIP.ROLE)
                .orderBy(ORGANIZATION_MEMBERSHIP.ROLE)
                .forEach(row -> heldBy.put(row.value1(), row.value2()));
        List<String> mapped = dsl.selectDistinct(GROUP_ROLE.ROLE).from(GROUP_ROLE)
                .where(GROUP_ROLE.ORGANIZATION_ID.eq(organizationId), GROUP_ROLE.ROLE.in(removed))
                .orderBy(GROUP_ROLE.ROLE)
                .fetch(GROUP_ROLE.ROLE);
        if (heldBy.isEmpty() && mapped.isEmpty()) {
            return;
        }
        List<String> reasons = new ArrayList<>();
        heldBy.forEach((slug, count) -> reasons.add("'" + slug + "' is the role of " + count + " membership" + (count == 1 ? "" : "s")));
        mapped.forEach(slug -> reasons.add("'" + slug + "' is named by a group mapping"));
        throw new ScimgateException(ErrorCode.ROLE_IN_USE, "Roles still in use cannot be removed: " + String.join("; ", reasons)
                + ". Give those members another role and change the group mappings first");
    }

    private static List<Role> read(DSLContext dsl, String organizationId, String defaultRole) {
        return dsl.selectFrom(ORGANIZATION_ROLE)
                .where(ORGANIZATION_ROLE.ORGANIZATION_ID.eq(organizationId))
                .orderBy(ORGANIZATION_ROLE.POSITION, ORGANIZATION_ROLE.SLUG)
                .fetch(row -> new Role(row.getSlug(), row.getName(), row.getSlug().equals(defaultRole)));
    }

    private static ObjectNode eventData(String organizationId, Role role) {
        return Events.data()
                .put("organizationId", organizationId)
                .put("slug", role.slug())
                .put("name", role.name())
                .put("default", role.isDefault());
    }
}
