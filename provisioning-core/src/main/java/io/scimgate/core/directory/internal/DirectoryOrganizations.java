package io.scimgate.core.directory.internal;

import io.scimgate.core.directory.Directories;
import io.scimgate.core.store.schema.tables.records.DirectoryRecord;
import io.scimgate.core.tenant.internal.TenantCache;
import org.jooq.DSLContext;

/** Which organization a directory belongs to, for writes that must name it. */
public final class DirectoryOrganizations {

    private DirectoryOrganizations() {
    }

    /** The organization of a directory, as the tenant cache has it (RULES.md P5: every write names it). */
    public static String organizationOf(TenantCache tenants, DSLContext dsl, String directoryId) {
        return tenants.directory(dsl, directoryId).map(DirectoryRecord::getOrganizationId)
                .orElseThrow(() -> Directories.notFound(directoryId));
    }
}
