package io.scimgate.core.domain.internal;

import static io.scimgate.core.store.schema.Tables.ORGANIZATION_DOMAIN;

import io.scimgate.core.domain.DomainState;
import org.jooq.DSLContext;

/** Organizations' domains as the provisioning rules read them inside their transactions. */
public final class DomainRows {

    private DomainRows() {
    }

    /** Whether {@code domain} (normalised) is verified in the organization, as read inside a transaction. */
    public static boolean isVerified(DSLContext dsl, String organizationId, String domain) {
        if (domain == null) {
            return false;
        }
        return dsl.fetchExists(ORGANIZATION_DOMAIN,
                ORGANIZATION_DOMAIN.ORGANIZATION_ID.eq(organizationId),
                ORGANIZATION_DOMAIN.DOMAIN.eq(domain),
                ORGANIZATION_DOMAIN.STATE.eq(DomainState.VERIFIED.slug()));
    }
}
