package io.scimgate.core.domain;

import io.scimgate.core.ErrorCode;
import io.scimgate.core.ScimgateException;
import java.util.Locale;

/** How an organization proves it owns a domain (P3). */
public enum VerificationStrategy {
    /** A TXT record {@code <prefix>.<domain>} holding the issued token. */
    DNS,
    /** The operator asserts ownership that was proven elsewhere. */
    MANUAL;

    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static VerificationStrategy fromSlug(String slug) {
        if (slug == null) {
            return DNS;
        }
        for (VerificationStrategy strategy : values()) {
            if (strategy.slug().equalsIgnoreCase(slug.trim())) {
                return strategy;
            }
        }
        throw new ScimgateException(ErrorCode.INVALID_VERIFICATION_STRATEGY,
                "verification must be 'dns' or 'manual', not '" + slug + "'");
    }
}
