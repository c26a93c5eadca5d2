package io.scimgate.core.invitation;

import io.scimgate.core.ErrorCode;
import io.scimgate.core.ScimgateException;
import java.util.Locale;

/** P23: pending → accepted | revoked | expired; expired is read from the expiry, never stored. */
public enum InvitationState {
    PENDING, ACCEPTED, REVOKED, EXPIRED;

    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static InvitationState fromSlug(String slug) {
        for (InvitationState state : values()) {
            if (state.slug().equalsIgnoreCase(slug == null ? "" : slug.trim())) {
                return state;
            }
        }
        throw new ScimgateException(ErrorCode.INVALID_STATE,
                "state must be pending, accepted, revoked or expired, not '" + slug + "'");
    }
}
