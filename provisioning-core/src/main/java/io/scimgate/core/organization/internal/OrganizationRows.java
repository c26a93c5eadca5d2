package io.scimgate.core.organization.internal;

import static io.scimgate.core.store.schema.Tables.ORGANIZATION;

import io.scimgate.core.organization.Organization;
import io.scimgate.core.organization.Organizations;
import io.scimgate.core.store.internal.Times;
import io.scimgate.core.store.schema.tables.records.OrganizationRecord;
import org.jooq.DSLContext;

/** Organizations' rows as the other features read them inside their transactions. */
public final class OrganizationRows {

    private OrganizationRows() {
    }

    /** Throws 404 unless the organization exists; called inside the transaction that depends on it. */
    public static void requireExists(DSLContext dsl, String organizationId) {
        if (!dsl.fetchExists(ORGANIZATION, ORGANIZATION.ID.eq(organizationId))) {
            throw Organizations.notFound(organizationId);
        }
    }

    public static Organization toOrganization(OrganizationRecord row) {
        return new Organization(row.getId(), row.getName(), row.getDefaultRole(),
                !Boolean.FALSE.equals(row.getSendInvitations()), Times.instant(row.getCreatedAt()),
                Times.instant(row.getUpdatedAt()));
    }
}
