package io.scimgate.server.scim.users;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.core.directory.DirectoryUser;
import io.scimgate.core.directory.DirectoryUserData;
import io.scimgate.core.directory.EmailAddress;
import io.scimgate.server.scim.json.ResourceNormalizer;
import io.scimgate.server.scim.json.StoredDocuments;
import java.util.ArrayList;
import java.util.List;
import org.apache.directory.scim.spec.extension.EnterpriseExtension;
import org.apache.directory.scim.spec.resources.ScimUser;

/**
 * SCIM User documents to and from directory users. The stored document is the user's canonical
 * document as the IdP sent it ({@link ResourceNormalizer}), extensions included, minus what the
 * server owns ({@code id}, {@code meta}) and what it never keeps ({@code password}); the core reads
 * the attributes it indexes from it.
 */
public final class ScimUserMapping {

    private static final String ENTERPRISE = EnterpriseExtension.URN;

    private final ObjectMapper json;
    private final StoredDocuments documents;
    private final ResourceNormalizer normalizer;

    public ScimUserMapping(ObjectMapper json, ResourceNormalizer normalizer) {
        this.json = json;
        this.documents = new StoredDocuments(json);
        this.normalizer = normalizer;
    }

    /**
     * @param document a canonical User document; it is not changed, since the core may run this again
     *        on a retried transaction, with another previous user
     * @param previous the stored user this document replaces, or null for a new one. An absent
     *        {@code active} keeps the previous state (a new user is active).
     */
    public DirectoryUserData toData(ObjectNode document, DirectoryUser previous) {
        ObjectNode stored = document.deepCopy();
        // groups is read-only (RFC 7643 §4.1.2): computed from the directory's groups, never stored
        stored.remove(List.of("id", "meta", "password", "groups"));
        JsonNode sentActive = stored.get("active");
        boolean active = sentActive != null && sentActive.isBoolean() ? sentActive.booleanValue()
                : previous == null || previous.active();
        stored.put("active", active);
        stored.set("schemas", normalizer.schemas(stored));
        JsonNode name = stored.path("name");
        JsonNode enterprise = stored.path(ENTERPRISE);
        return new DirectoryUserData(
                text(stored, "userName"),
                text(stored, "externalId"),
                active,
                text(stored, "displayName"),
                text(name, "givenName"),
                text(name, "familyName"),
                emails(stored),
                text(stored, "title"),
                text(enterprise, "employeeNumber"),
                text(enterprise, "department"),
                documents.write(stored));
    }

    /** The User document of a stored user, with its id, {@code active} and {@code meta}. */
    public ObjectNode toDocument(DirectoryUser stored, String location) {
        ObjectNode attributes = documents.read(stored.attributes());
        ObjectNode user = json.createObjectNode();
        user.set("schemas", normalizer.schemas(attributes));
        user.put("id", stored.id());
        attributes.remove(List.of("schemas", "id", "meta", "password", "active"));
        normalizer.removeForeignKeys(attributes);
        user.setAll(attributes);
        user.put("active", stored.active());
        user.set("meta", documents.meta(ScimUser.RESOURCE_NAME, stored.createdAt(), stored.updatedAt(), location,
                stored.version()));
        return user;
    }

    private static List<EmailAddress> emails(ObjectNode user) {
        List<EmailAddress> emails = new ArrayList<>();
        JsonNode list = user.get("emails");
        if (list != null && list.isArray()) {
            for (JsonNode email : list) {
                emails.add(new EmailAddress(text(email, "value"), text(email, "type"), email.path("primary").asBoolean(false)));
            }
        }
        return emails;
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        return value == null || !value.isValueNode() || value.isNull() ? null : value.asText();
    }
}
