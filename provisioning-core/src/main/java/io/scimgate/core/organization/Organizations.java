package io.scimgate.core.organization;

import static io.scimgate.core.store.schema.Tables.ORGANIZATION;

import io.scimgate.core.ErrorCode;
import io.scimgate.core.ScimgateException;
import io.scimgate.core.organization.internal.OrganizationRoleRows;
import io.scimgate.core.organization.internal.OrganizationRows;
import io.scimgate.core.store.internal.Database;
import io.scimgate.core.store.internal.Ids;
import io.scimgate.core.store.internal.Times;
import io.scimgate.core.store.schema.tables.records.OrganizationRecord;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;

public final class Organizations {

    /** The default role of a new organization, the only role of its catalogue until it is changed (P26). */
    public static final String DEFAULT_ROLE = OrganizationRoles.DEFAULT_SLUG;
    private static final int MAX_NAME_LENGTH = 256;

    private final Database database;
    private final Clock clock;

    public Organizations(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public Organization create(String name) {
        String trimmed = checkName(name);
        OffsetDateTime now = Times.now(clock);
        OrganizationRecord row = new OrganizationRecord()
                .setId(Ids.newId())
                .setName(trimmed)
                .setDefaultRole(OrganizationRoles.DEFAULT_SLUG)
                .setCreatedAt(now)
                .setUpdatedAt(now);
        row.setSendInvitations(true);
        Organization organization = OrganizationRows.toOrganization(row);
        database.transaction(tx -> {
            tx.dsl().executeInsert(row);
            OrganizationRoles.createDefault(tx.dsl(), row.getId(), now);
            tx.emit("organization.created", organization.id(), null, eventData(organization));
            return null;
        });
        return organization;
    }

    /**
     * Changes an organization's name, default role (a role of its catalogue, P26) or invitation
     * sending; null leaves a field as it is.
     */
    public Organization update(String id, String name, String defaultRole, Boolean sendInvitations) {
        return database.transaction(tx -> {
            OrganizationRecord row = tx.dsl().selectFrom(ORGANIZATION).where(ORGANIZATION.ID.eq(id)).forUpdate()
                    .fetchOptional().orElseThrow(() -> notFound(id));
            if (name != null) {
                row.setName(checkName(name));
            }
            if (defaultRole != null) {
                row.setDefaultRole(OrganizationRoleRows.requireRole(tx.dsl(), id, defaultRole));
            }
            if (sendInvitations != null) {
                row.setSendInvitations(sendInvitations);
            }
            if (row.changed()) {
                row.setUpdatedAt(Times.now(clock));
                row.store();
                tx.emit("organization.updated", id, null, eventData(OrganizationRows.toOrganization(row)));
                tx.tenantChanged(id);
            }
            return OrganizationRows.toOrganization(row);
        });
    }

    public Optional<Organization> find(String id) {
        return find(database.dsl(), id);
    }

    private static Optional<Organization> find(DSLContext dsl, String id) {
        return dsl.fetchOptional(ORGANIZATION, ORGANIZATION.ID.eq(id)).map(OrganizationRows::toOrganization);
    }

    public Organization get(String id) {
        return find(id).orElseThrow(() -> notFound(id));
    }

    public List<Organization> list() {
        return database.dsl().selectFrom(ORGANIZATION)
                .orderBy(ORGANIZATION.CREATED_AT, ORGANIZATION.ID)
                .fetch(OrganizationRows::toOrganization);
    }

    private static String checkName(String name) {
        return checkedName(name, "An organization");
    }

    /**
     * {@code name} trimmed, or a 400 naming {@code what} ("An organization", "A directory") when it
     * is empty or longer than 256 characters.
     */
    public static String checkedName(String name, String what) {
        String trimmed = name == null ? "" : name.trim();
        if (trimmed.isEmpty()) {
            throw new ScimgateException(ErrorCode.NAME_REQUIRED, what + " needs a non-empty name");
        }
        if (trimmed.length() > MAX_NAME_LENGTH) {
            throw new ScimgateException(ErrorCode.NAME_TOO_LONG, what + " name has at most " + MAX_NAME_LENGTH + " characters");
        }
        return trimmed;
    }

    static com.fasterxml.jackson.databind.node.ObjectNode eventData(Organization organization) {
        return io.scimgate.core.events.Events.data()
                .put("id", organization.id())
                .put("name", organization.name())
                .put("defaultRole", organization.defaultRole())
                .put("sendInvitations", organization.sendInvitations());
    }

    public static ScimgateException notFound(String id) {
        return new ScimgateException(ErrorCode.ORGANIZATION_NOT_FOUND, "No organization with id " + id);
    }
}
