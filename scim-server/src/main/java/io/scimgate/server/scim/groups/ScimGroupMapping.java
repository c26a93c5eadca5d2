package io.scimgate.server.scim.groups;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.core.directory.DirectoryGroup;
import io.scimgate.core.directory.DirectoryGroupData;
import io.scimgate.core.directory.GroupMember;
import io.scimgate.server.scim.json.ResourceNormalizer;
import io.scimgate.server.scim.json.StoredDocuments;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.apache.directory.scim.spec.resources.ScimGroup;

/**
 * SCIM Group documents to and from directory groups. The stored document is the group's canonical
 * document as the IdP sent it, without what the server owns ({@code id}, {@code meta}) and without
 * its members, which are rows of their own.
 */
public final class ScimGroupMapping {

    private static final String MEMBERS = "members";

    private final ObjectMapper json;
    private final StoredDocuments documents;
    private final ResourceNormalizer normalizer;

    public ScimGroupMapping(ObjectMapper json, ResourceNormalizer normalizer) {
        this.json = json;
        this.documents = new StoredDocuments(json);
        this.normalizer = normalizer;
    }

    /**
     * The members a canonical document names, in order, once each, with the {@code display} the
     * client sent for each (null when none); null when the document has no {@code members}.
     */
    public Map<String, String> members(ObjectNode document) {
        JsonNode list = document.get(MEMBERS);
        if (list == null || !list.isArray()) {
            return null;
        }
        Map<String, String> members = new LinkedHashMap<>();
        for (JsonNode member : list) {
            JsonNode id = member.get("value");
            if (id != null && id.isValueNode() && !id.asText().isBlank()) {
                JsonNode display = member.get("display");
                members.putIfAbsent(id.asText(), display == null || !display.isTextual() ? null : display.asText());
            }
        }
        return members;
    }

    /** The group without members, id and meta; {@code document} is not changed. */
    public DirectoryGroupData toData(ObjectNode document) {
        ObjectNode stored = document.deepCopy();
        stored.remove(List.of("id", "meta", MEMBERS));
        stored.set("schemas", normalizer.schemas(stored));
        JsonNode displayName = stored.get("displayName");
        JsonNode externalId = stored.get("externalId");
        return new DirectoryGroupData(displayName == null ? null : displayName.asText(),
                externalId == null ? null : externalId.asText(), documents.write(stored));
    }

    /**
     * One element of {@code members}: the user's id, its URL (when {@code userLocation} is given), the
     * display the client sent with the member, else the user's display name or userName, and type
     * {@code User}.
     */
    public ObjectNode member(GroupMember member, UnaryOperator<String> userLocation) {
        ObjectNode element = json.createObjectNode().put("value", member.userId());
        if (userLocation != null) {
            element.put("$ref", userLocation.apply(member.userId()));
        }
        return element.put("display", member.sentDisplay() != null ? member.sentDisplay()
                        : member.displayName() != null ? member.displayName() : member.userName())
                .put("type", "User");
    }

    /**
     * @param members the members to show, or null to leave {@code members} out
     * @param userLocation the URL of a user, by id
     */
    public ObjectNode toDocument(DirectoryGroup stored, List<GroupMember> members, String location,
            UnaryOperator<String> userLocation) {
        ObjectNode attributes = documents.read(stored.attributes());
        ObjectNode group = json.createObjectNode();
        group.set("schemas", normalizer.schemas(attributes));
        group.put("id", stored.id());
        attributes.remove(List.of("schemas", "id", "meta", MEMBERS));
        normalizer.removeForeignKeys(attributes);
        group.setAll(attributes);
        if (members != null) {
            ArrayNode list = group.putArray(MEMBERS);
            members.forEach(member -> list.add(member(member, userLocation)));
        }
        group.set("meta", documents.meta(ScimGroup.RESOURCE_NAME, stored.createdAt(), stored.updatedAt(), location,
                stored.version()));
        return group;
    }
}
