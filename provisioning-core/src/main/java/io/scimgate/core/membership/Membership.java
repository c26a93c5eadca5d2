package io.scimgate.core.membership;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.core.events.Events;
import java.time.Instant;

/** A user's membership of an organization: one per user and organization. */
public record Membership(String id, String organizationId, String userId, MembershipStatus status, String role,
        boolean directoryManaged, Instant createdAt, Instant updatedAt) {

    public ObjectNode eventData() {
        ObjectNode data = Events.data()
                .put("id", id)
                .put("organizationId", organizationId)
                .put("userId", userId)
                .put("status", status.slug())
                .put("role", role)
                .put("directoryManaged", directoryManaged);
        data.put("createdAt", createdAt.toString());
        data.put("updatedAt", updatedAt.toString());
        return data;
    }
}
