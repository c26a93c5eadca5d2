package io.scimgate.core.invitation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.core.events.Events;
import java.time.Instant;

/** An invitation to join an organization, as read now. Its token is never part of it. */
public record Invitation(String id, String organizationId, String userId, String email, InvitationState state,
        Instant expiresAt, Instant acceptedAt, Instant revokedAt, Instant createdAt, Instant updatedAt) {

    public ObjectNode eventData() {
        ObjectNode data = Events.data()
                .put("id", id)
                .put("organizationId", organizationId)
                .put("userId", userId)
                .put("email", email)
                .put("state", state.slug());
        data.put("expiresAt", expiresAt.toString());
        data.put("acceptedAt", acceptedAt == null ? null : acceptedAt.toString());
        data.put("revokedAt", revokedAt == null ? null : revokedAt.toString());
        data.put("createdAt", createdAt.toString());
        data.put("updatedAt", updatedAt.toString());
        return data;
    }
}
