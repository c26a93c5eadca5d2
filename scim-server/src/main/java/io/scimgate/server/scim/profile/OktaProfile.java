package io.scimgate.server.scim.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Okta (IDP-QUIRKS.md §2). OIN integrations deactivate and reactivate with a path-less
 * {@code replace} of {@code active} and push profiles with PUT; custom AIW apps PUT everything,
 * {@code active: false} included; Okta never deletes users. Okta's import and its SCIM spec tests
 * expect every returned user to carry {@code active}, {@code name.givenName},
 * {@code name.familyName} and {@code emails} with exactly one marked {@code primary}.
 */
final class OktaProfile implements ProviderProfile {

    @Override
    public void completeUser(ObjectNode user) {
        if (!user.has("active")) {
            user.put("active", true);
        }
        ObjectNode name = user.has("name") && user.get("name").isObject() ? (ObjectNode) user.get("name") : user.putObject("name");
        if (!name.has("givenName")) {
            name.put("givenName", "");
        }
        if (!name.has("familyName")) {
            name.put("familyName", "");
        }
        JsonNode emails = user.get("emails");
        if (emails != null && emails.isArray() && !emails.isEmpty()) {
            boolean anyPrimary = false;
            for (JsonNode email : emails) {
                anyPrimary |= email.path("primary").asBoolean(false);
            }
            for (int i = 0; i < emails.size(); i++) {
                if (emails.get(i) instanceof ObjectNode email && !email.has("primary")) {
                    email.put("primary", !anyPrimary && i == 0);
                }
            }
            if (!anyPrimary && emails.get(0) instanceof ObjectNode first) {
                first.put("primary", true);
            }
        }
    }
}
