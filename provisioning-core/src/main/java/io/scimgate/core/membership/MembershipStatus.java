package io.scimgate.core.membership;

import io.scimgate.core.ErrorCode;
import io.scimgate.core.ScimgateException;
import java.util.Locale;

/** active: may sign in; pending: invited, may not sign in yet (P14); inactive: deprovisioned (P19). */
public enum MembershipStatus {
    ACTIVE, PENDING, INACTIVE;

    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MembershipStatus fromSlug(String slug) {
        for (MembershipStatus status : values()) {
            if (status.slug().equalsIgnoreCase(slug == null ? "" : slug.trim())) {
                return status;
            }
        }
        throw new ScimgateException(ErrorCode.INVALID_STATUS, "status must be active, pending or inactive, not '" + slug + "'");
    }
}
