package io.scimgate.server.scim.quirk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Okta's import and its SCIM spec tests expect every returned user to carry {@code active},
 * {@code name.givenName}, {@code name.familyName} and {@code emails} with exactly one marked
 * {@code primary} (IDP-QUIRKS.md §2.11). Each user an Okta directory gets back is completed so (empty
 * names, the first email marked primary when none is) without changing what is stored.
 */
public final class OktaRequiredUserAttributes implements Quirk {

    public static final OktaRequiredUserAttributes INSTANCE = new OktaRequiredUserAttributes();

    private OktaRequiredUserAttributes() {
    }

    public void complete(ObjectNode user) {
        if (!user.has("active")) {
            user.put("active", true);
        }
        ObjectNode name = user.get("name") instanceof ObjectNode existing ? existing : user.putObject("name");
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

    @Override
    public String clients() {
        return "Okta";
    }

    @Override
    public String source() {
        return "IDP-QUIRKS.md §2.11";
    }
}
