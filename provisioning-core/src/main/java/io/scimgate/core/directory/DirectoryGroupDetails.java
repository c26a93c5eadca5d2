package io.scimgate.core.directory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.core.events.Events;
import java.time.Instant;

/**
 * A directory group as a host application needs it; the admin API answers it and
 * {@code dsync.group.user_added}/{@code user_removed} carry it.
 *
 * @param idpId the directory's own id of the group (SCIM {@code externalId})
 * @param name its {@code displayName}
 */
public record DirectoryGroupDetails(String id, String directoryId, String organizationId, String idpId, String name,
        int memberCount, JsonNode rawAttributes, Instant createdAt, Instant updatedAt) {

    public ObjectNode toJson() {
        ObjectNode json = Events.data()
                .put("id", id)
                .put("directoryId", directoryId)
                .put("organizationId", organizationId)
                .put("idpId", idpId)
                .put("name", name)
                .put("memberCount", memberCount);
        json.set("rawAttributes", rawAttributes);
        json.put("createdAt", createdAt.toString());
        json.put("updatedAt", updatedAt.toString());
        return json;
    }
}
