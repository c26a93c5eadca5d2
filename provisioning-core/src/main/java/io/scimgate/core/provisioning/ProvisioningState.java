package io.scimgate.core.provisioning;

import java.util.Locale;

/** Where a directory user stands with the provisioning rules; shown to operators with a reason. */
public enum ProvisioningState {
    /** Not looked at yet (only inside the transaction that creates it). */
    PENDING,
    /** Active and linked to a User with a membership (P12–P15). */
    PROVISIONED,
    /** Was provisioned and is now inactive: its membership is inactive or gone (P19). */
    DEPROVISIONED,
    /** Created inactive, never provisioned (P11). */
    INACTIVE,
    /** No usable primary email (P9). */
    MISSING_EMAIL,
    /** Another directory user of the directory holds the same person (P10). */
    DUPLICATE_EMAIL;

    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ProvisioningState fromSlug(String slug) {
        return valueOf(slug.toUpperCase(Locale.ROOT));
    }
}
