package io.scimgate.core.directory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.core.events.Events;
import java.time.Instant;
import java.util.List;

/**
 * A directory user as a host application needs it: who it is, its emails, its groups, the role of
 * its organization membership, its mapped custom attributes (P27), the SCIM document as its
 * directory sent it, and where it stands with provisioning. The admin API answers it, and
 * {@code dsync.group.user_added}/{@code user_removed} carry it.
 *
 * @param idpId the directory's own id of the user (SCIM {@code externalId})
 * @param email the primary email (P8)
 * @param state {@code active} or {@code inactive}, as the directory says
 * @param role the role slug of the linked User's membership of the organization, null without one
 */
public record DirectoryUserDetails(String id, String directoryId, String organizationId, String idpId, String userName,
        String firstName, String lastName, String email, List<EmailAddress> emails, String state, List<GroupRef> groups,
        String role, JsonNode customAttributes, JsonNode rawAttributes, ProvisioningRef provisioning, Instant createdAt,
        Instant updatedAt) {

    /** A group the user is in. */
    public record GroupRef(String id, String name) {
    }

    /** The provisioning state (P9–P11, P19), why, and the User the directory user is linked to. */
    public record ProvisioningRef(String state, String detail, String userId) {
    }

    public ObjectNode toJson() {
        ObjectNode json = Events.data()
                .put("id", id)
                .put("directoryId", directoryId)
                .put("organizationId", organizationId)
                .put("idpId", idpId)
                .put("userName", userName)
                .put("firstName", firstName)
                .put("lastName", lastName)
                .put("email", email);
        ArrayNode emailList = json.putArray("emails");
        emails.forEach(address -> emailList.addObject()
                .put("value", address.value())
                .put("type", address.type())
                .put("primary", address.primary()));
        json.put("state", state);
        ArrayNode groupList = json.putArray("groups");
        groups.forEach(group -> groupList.addObject().put("id", group.id()).put("name", group.name()));
        if (role == null) {
            json.putNull("role");
        } else {
            json.putObject("role").put("slug", role);
        }
        json.set("customAttributes", customAttributes);
        json.set("rawAttributes", rawAttributes);
        json.putObject("provisioning")
                .put("state", provisioning.state())
                .put("detail", provisioning.detail())
                .put("userId", provisioning.userId());
        json.put("createdAt", createdAt.toString());
        json.put("updatedAt", updatedAt.toString());
        return json;
    }
}
