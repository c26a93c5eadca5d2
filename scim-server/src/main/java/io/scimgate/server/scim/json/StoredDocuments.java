package io.scimgate.server.scim.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.server.scim.IfMatch;
import java.io.UncheckedIOException;
import java.time.Instant;

/**
 * Resource documents as the core stores them (JSON text), and the {@code meta} scimgate writes:
 * UTC timestamps with their offset (RFC 7643 §3.1), the location and the weak version tag.
 */
public final class StoredDocuments {

    private final ObjectMapper json;

    public StoredDocuments(ObjectMapper json) {
        this.json = json;
    }

    public String write(JsonNode document) {
        try {
            return json.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ObjectNode read(String document) {
        try {
            JsonNode node = json.readTree(document);
            if (node instanceof ObjectNode object) {
                return object;
            }
            throw new IllegalStateException("A stored SCIM document is not a JSON object");
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("A stored SCIM document cannot be read", e);
        }
    }

    public ObjectNode meta(String resourceType, Instant created, Instant lastModified, String location, long version) {
        ObjectNode meta = json.createObjectNode();
        meta.put("resourceType", resourceType);
        meta.put("created", UtcTimestamps.format(created));
        meta.put("lastModified", UtcTimestamps.format(lastModified));
        meta.put("location", location);
        meta.put("version", IfMatch.etagOf(version));
        return meta;
    }
}
