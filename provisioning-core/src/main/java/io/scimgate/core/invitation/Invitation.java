package io.scimgate.core.invitation;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.core.events.Events;
import java.time.Instant;

/**
 * An invitation to join an organization, as read now. Its token is never part of it.
 *
 * @param directoryId the directory whose push invited the person (null when an admin invited, or
 *     the directory is gone)
 * @param deliveredAt when the invitation sender last accepted its current token; null until then
 * @param lastDeliveryError why the last delivery attempt failed; null after a success
 */
public record Invitation(String id, String organizationId, String userId, String email, InvitationState state,
        String directoryId, Instant expiresAt, Instant acceptedAt, Instant revokedAt, Instant deliveredAt,
        String lastDeliveryError, Instant createdAt, Instant updatedAt) {

    public ObjectNode eventData() {
        ObjectNode data = Events.data()
                .put("id", id)
                .put("organizationId", organizationId)
                .put("userId", userId)
                .put("email", email)
                .put("state", state.slug())
                .put("directoryId", directoryId);
        data.put("expiresAt", expiresAt.toString());
        data.put("acceptedAt", acceptedAt == null ? null : acceptedAt.toString());
        data.put("revokedAt", revokedAt == null ? null : revokedAt.toString());
        data.put("createdAt", createdAt.toString());
        data.put("updatedAt", updatedAt.toString());
        return data;
    }
}
