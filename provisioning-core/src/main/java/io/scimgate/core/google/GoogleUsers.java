package io.scimgate.core.google;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.core.directory.DirectoryUserData;
import io.scimgate.core.directory.EmailAddress;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A Google Workspace user (the Admin SDK's {@code admin#directory#user}) as a directory user.
 * Keyed on Google's immutable {@code id}, kept as {@code externalId}; {@code userName} is the
 * {@code primaryEmail}, which Google lets admins rename, so a rename updates the same directory user.
 *
 * <p>The stored document is a SCIM 2.0 User like the ones IdPs push (so the SCIM API and anything
 * reading directory users see the same shape whatever the source), with the whole Google record,
 * exactly as received, under the extension {@value #EXTENSION}.
 */
final class GoogleUsers {

    static final String EXTENSION = "urn:scimgate:params:scim:schemas:extension:google:2.0:User";
    private static final String CORE = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
    /** Fields that change without the person changing (a sign-in); a difference only there is not worth a write. */
    private static final Set<String> VOLATILE = Set.of("etag", "lastLoginTime", "thumbnailPhotoEtag");
    private static final ObjectMapper JSON = new ObjectMapper();

    private GoogleUsers() {
    }

    static String id(ObjectNode user) {
        return text(user, "id");
    }

    static DirectoryUserData toDirectoryUser(ObjectNode user) {
        String primaryEmail = text(user, "primaryEmail");
        JsonNode name = user.path("name");
        String givenName = text(name, "givenName");
        String familyName = text(name, "familyName");
        String fullName = text(name, "fullName");
        if (fullName == null && (givenName != null || familyName != null)) {
            fullName = String.join(" ", nonNull(givenName, familyName));
        }
        // suspended (blocked by an admin) and archived (kept for its data, no licence) both mean: cannot work here.
        boolean active = !user.path("suspended").asBoolean(false) && !user.path("archived").asBoolean(false);
        JsonNode organization = primaryEntry(user.path("organizations"));
        DirectoryUserData fields = new DirectoryUserData(
                primaryEmail != null ? primaryEmail : id(user),
                id(user),
                active,
                fullName,
                givenName,
                familyName,
                emails(user, primaryEmail),
                text(organization, "title"),
                employeeNumber(user.path("externalIds")),
                text(organization, "department"),
                "");
        return withDocument(fields, scimDocument(fields, user).toString());
    }

    private static DirectoryUserData withDocument(DirectoryUserData fields, String document) {
        return new DirectoryUserData(fields.userName(), fields.externalId(), fields.active(), fields.displayName(),
                fields.givenName(), fields.familyName(), fields.emails(), fields.title(), fields.employeeNumber(),
                fields.department(), document);
    }

    /** The Google record a stored document was made from, or null when it holds none. */
    static ObjectNode record(String storedAttributes) {
        try {
            JsonNode record = JSON.readTree(storedAttributes).path(EXTENSION);
            return record.isObject() ? (ObjectNode) record : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static ObjectNode scimDocument(DirectoryUserData data, ObjectNode user) {
        ObjectNode scim = JSON.createObjectNode();
        scim.putArray("schemas").add(CORE).add(ENTERPRISE).add(EXTENSION);
        scim.put("userName", data.userName()).put("externalId", data.externalId()).put("active", data.active());
        putIfPresent(scim, "displayName", data.displayName());
        ObjectNode name = JSON.createObjectNode();
        putIfPresent(name, "givenName", data.givenName());
        putIfPresent(name, "familyName", data.familyName());
        putIfPresent(name, "formatted", data.displayName());
        if (!name.isEmpty()) {
            scim.set("name", name);
        }
        ArrayNode emails = scim.putArray("emails");
        for (EmailAddress email : data.emails()) {
            ObjectNode entry = emails.addObject().put("value", email.value());
            putIfPresent(entry, "type", email.type());
            entry.put("primary", email.primary());
        }
        putIfPresent(scim, "title", data.title());
        ObjectNode enterprise = JSON.createObjectNode();
        putIfPresent(enterprise, "employeeNumber", data.employeeNumber());
        putIfPresent(enterprise, "department", data.department());
        if (!enterprise.isEmpty()) {
            scim.set(ENTERPRISE, enterprise);
        }
        scim.set(EXTENSION, user);
        return scim;
    }

    private static void putIfPresent(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    /** Whether the stored record and this one describe the same user: same etag, or equal but for volatile fields. */
    static boolean unchanged(String storedAttributes, ObjectNode user) {
        ObjectNode stored = record(storedAttributes);
        if (stored == null) {
            return false;
        }
        String etag = text(user, "etag");
        if (etag != null && etag.equals(text(stored, "etag"))) {
            return true;
        }
        return withoutVolatile(stored).equals(withoutVolatile(user));
    }

    /**
     * Google's {@code emails[]} use {@code address} (not SCIM's {@code value}). The primaryEmail is
     * the primary entry; the other addresses (aliases, former addresses, private ones) follow it.
     */
    private static List<EmailAddress> emails(ObjectNode user, String primaryEmail) {
        List<EmailAddress> emails = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        if (primaryEmail != null) {
            emails.add(new EmailAddress(primaryEmail, typeOf(user.path("emails"), primaryEmail), true));
            seen.add(primaryEmail.toLowerCase(Locale.ROOT));
        }
        for (JsonNode email : user.path("emails")) {
            String address = text(email, "address");
            if (address != null && seen.add(address.toLowerCase(Locale.ROOT))) {
                emails.add(new EmailAddress(address, text(email, "type"), false));
            }
        }
        return emails;
    }

    private static String typeOf(JsonNode emails, String address) {
        for (JsonNode email : emails) {
            if (address.equalsIgnoreCase(text(email, "address"))) {
                return text(email, "type");
            }
        }
        return null;
    }

    private static String employeeNumber(JsonNode externalIds) {
        for (JsonNode externalId : externalIds) {
            if ("organization".equals(text(externalId, "type"))) {
                return text(externalId, "value");
            }
        }
        return null;
    }

    private static JsonNode primaryEntry(JsonNode entries) {
        for (JsonNode entry : entries) {
            if (entry.path("primary").asBoolean(false)) {
                return entry;
            }
        }
        return entries.path(0);
    }

    private static ObjectNode withoutVolatile(ObjectNode user) {
        ObjectNode copy = user.deepCopy();
        copy.remove(VOLATILE);
        return copy;
    }

    private static List<String> nonNull(String... values) {
        List<String> present = new ArrayList<>();
        for (String value : values) {
            if (value != null) {
                present.add(value);
            }
        }
        return present;
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }
}
