package io.scimgate.server.scim.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import java.time.LocalDateTime;
import org.apache.directory.scim.spec.schema.Meta;

/**
 * {@code meta} of SCIMple's model objects on the wire. SCIMple M1 models its timestamps as
 * LocalDateTime and prints them without a zone; ours are always UTC, so they are written with their
 * offset (RFC 7643 §2.3.5).
 */
final class MetaJson {

    private MetaJson() {
    }

    static final class Writer extends JsonSerializer<Meta> {
        @Override
        public void serialize(Meta meta, JsonGenerator json, SerializerProvider serializers) throws IOException {
            json.writeStartObject();
            writeIfPresent(json, "resourceType", meta.getResourceType());
            writeIfPresent(json, "created", utc(meta.getCreated()));
            writeIfPresent(json, "lastModified", utc(meta.getLastModified()));
            writeIfPresent(json, "location", meta.getLocation());
            writeIfPresent(json, "version", meta.getVersion());
            json.writeEndObject();
        }

        private static String utc(LocalDateTime time) {
            return time == null ? null : UtcTimestamps.format(time);
        }

        private static void writeIfPresent(JsonGenerator json, String name, String value) throws IOException {
            if (value != null) {
                json.writeStringField(name, value);
            }
        }
    }
}
