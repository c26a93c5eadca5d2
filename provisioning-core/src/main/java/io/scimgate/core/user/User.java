package io.scimgate.core.user;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.core.events.Events;
import java.time.Instant;

/** A person of the host application. The email is unique in the whole store and never changes (P18). */
public record User(String id, String email, String firstName, String lastName, boolean emailVerified,
        Instant createdAt, Instant updatedAt) {

    public ObjectNode eventData() {
        ObjectNode data = Events.data()
                .put("id", id)
                .put("email", email)
                .put("firstName", firstName)
                .put("lastName", lastName)
                .put("emailVerified", emailVerified);
        data.put("createdAt", createdAt.toString());
        data.put("updatedAt", updatedAt.toString());
        return data;
    }
}
