package io.scimgate.core.organization.internal;

import static io.scimgate.core.store.schema.Tables.ORGANIZATION_ROLE;

import io.scimgate.core.ErrorCode;
import io.scimgate.core.ScimgateException;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jooq.DSLContext;

/** An organization's role catalogue (RULES.md P26) as the other features check it inside their transactions. */
public final class OrganizationRoleRows {

    private OrganizationRoleRows() {
    }

    /** The slugs of an organization's catalogue, read inside a transaction. */
    public static Set<String> slugs(DSLContext dsl, String organizationId) {
        return new LinkedHashSet<>(dsl.select(ORGANIZATION_ROLE.SLUG).from(ORGANIZATION_ROLE)
                .where(ORGANIZATION_ROLE.ORGANIZATION_ID.eq(organizationId))
                .orderBy(ORGANIZATION_ROLE.POSITION)
                .fetch(ORGANIZATION_ROLE.SLUG));
    }

    /** {@code slug} when it names a role of the organization's catalogue; 400 {@code unknown_role} otherwise. */
    public static String requireRole(DSLContext dsl, String organizationId, String slug) {
        if (slug == null || !dsl.fetchExists(ORGANIZATION_ROLE,
                ORGANIZATION_ROLE.ORGANIZATION_ID.eq(organizationId), ORGANIZATION_ROLE.SLUG.eq(slug))) {
            throw new ScimgateException(ErrorCode.UNKNOWN_ROLE, "'" + slug + "' is not a role of organization "
                    + organizationId + "; add it to the organization's roles first");
        }
        return slug;
    }
}
