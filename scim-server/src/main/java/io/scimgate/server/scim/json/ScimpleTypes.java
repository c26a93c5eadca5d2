package io.scimgate.server.scim.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.apache.directory.scim.spec.resources.ScimResource;
import org.apache.directory.scim.spec.schema.Meta;

/**
 * Resource documents bound to SCIMple's model, for SCIMple's repository contract. SCIMple M1 models
 * {@code meta}'s timestamps without a zone, so {@code meta} is set by hand, in UTC.
 */
public final class ScimpleTypes {

    private ScimpleTypes() {
    }

    public static <T extends ScimResource> T bind(ObjectMapper json, ObjectNode document, Class<T> type) {
        ObjectNode withoutMeta = document.deepCopy();
        JsonNode metaNode = withoutMeta.remove("meta");
        try {
            T resource = json.treeToValue(withoutMeta, type);
            if (metaNode != null) {
                Meta meta = new Meta();
                meta.setResourceType(metaNode.path("resourceType").textValue());
                meta.setLocation(metaNode.path("location").textValue());
                meta.setVersion(metaNode.path("version").textValue());
                meta.setCreated(utc(metaNode.path("created").textValue()));
                meta.setLastModified(utc(metaNode.path("lastModified").textValue()));
                resource.setMeta(meta);
            }
            return resource;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A " + type.getSimpleName() + " document does not bind to SCIMple's model", e);
        }
    }

    private static LocalDateTime utc(String timestamp) {
        return timestamp == null ? null : LocalDateTime.ofInstant(OffsetDateTime.parse(timestamp).toInstant(), ZoneOffset.UTC);
    }
}
