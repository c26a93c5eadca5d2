package io.scimgate.core.directory.internal;

import static io.scimgate.core.store.schema.Tables.DIRECTORY_USER;
import static io.scimgate.core.store.schema.Tables.DIRECTORY_USER_EMAIL;

import io.scimgate.core.directory.DirectoryUser;
import io.scimgate.core.role.IdpRoles;
import io.scimgate.core.store.internal.Times;
import io.scimgate.core.store.schema.tables.records.DirectoryUserRecord;
import java.util.Objects;
import org.jooq.Condition;
import org.jooq.DSLContext;

/** Directory user rows as the provisioning rules and the column catalogue read them, inside a transaction or a query. */
public final class DirectoryUserRows {

    private DirectoryUserRows() {
    }

    /**
     * The same as {@link #hasEmail} for a condition that selects email rows through their key
     * ({@code email_key = ?} or a prefix of it): the users are found from the email key index
     * (a semi-join), instead of testing the emails of each user of the directory in turn. The
     * subquery is not limited to a directory, so that the index serves it; the listing it goes into
     * always is (P5), and ids are unique across directories.
     */
    public static Condition hasEmailWithKey(Condition onEmailKey) {
        return DIRECTORY_USER.ID.in(org.jooq.impl.DSL.select(DIRECTORY_USER_EMAIL.DIRECTORY_USER_ID)
                .from(DIRECTORY_USER_EMAIL)
                .where(onEmailKey));
    }

    /** A condition on the emails of a user: matches users having an email that satisfies it. */
    public static Condition hasEmail(Condition onEmailRow) {
        return org.jooq.impl.DSL.exists(org.jooq.impl.DSL.selectOne()
                .from(DIRECTORY_USER_EMAIL)
                .where(DIRECTORY_USER_EMAIL.DIRECTORY_USER_ID.eq(DIRECTORY_USER.ID))
                .and(DIRECTORY_USER_EMAIL.DIRECTORY_ID.eq(DIRECTORY_USER.DIRECTORY_ID))
                .and(onEmailRow));
    }

    /** Reads a directory user inside a transaction. */
    public static DirectoryUser read(DSLContext dsl, String id) {
        return dsl.selectFrom(DIRECTORY_USER).where(DIRECTORY_USER.ID.eq(id)).fetchSingle(DirectoryUserRows::toUser);
    }

    /** The provisioning columns of a row read whole. */
    public static ProvisioningColumns provisioning(DirectoryUserRecord row) {
        return new ProvisioningColumns(row.getUserId(), row.getProvisionedUserId(), row.getProvisioningState(),
                row.getProvisioningDetail());
    }

    /** Sets the provisioning columns of a row to be written; those already equal are left unchanged, so an update leaves them out. */
    public static void setProvisioning(DirectoryUserRecord row, ProvisioningColumns columns) {
        if (!Objects.equals(row.getUserId(), columns.userId())) {
            row.setUserId(columns.userId());
        }
        if (!Objects.equals(row.getProvisionedUserId(), columns.provisionedUserId())) {
            row.setProvisionedUserId(columns.provisionedUserId());
        }
        if (!Objects.equals(row.getProvisioningState(), columns.state())) {
            row.setProvisioningState(columns.state());
        }
        if (!Objects.equals(row.getProvisioningDetail(), columns.detail())) {
            row.setProvisioningDetail(columns.detail());
        }
    }

    public static DirectoryUser toUser(DirectoryUserRecord row) {
        return new DirectoryUser(row.getId(), row.getDirectoryId(), row.getSeq() == null ? 0 : row.getSeq(),
                row.getUserName(), row.getExternalId(), Boolean.TRUE.equals(row.getActive()), row.getDisplayName(),
                row.getGivenName(), row.getFamilyName(), row.getPrimaryEmail(), row.getTitle(),
                row.getEmployeeNumber(), row.getDepartment(), row.getAttributes(), row.getCustomAttributes(),
                row.getCustomAttributesVersion() == null ? 0 : row.getCustomAttributesVersion(),
                IdpRoles.fromColumn(row.getIdpRoles()), row.getVersion(),
                Times.instant(row.getCreatedAt()), Times.instant(row.getUpdatedAt()));
    }
}
