package io.scimgate.server.scim.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.UncheckedIOException;
import org.apache.directory.scim.spec.resources.ScimResource;

/** Resources as the core stores them: the JSON text of a SCIMple resource, read back with the same mapper. */
public final class StoredDocuments {

    private final ObjectMapper json;

    public StoredDocuments(ObjectMapper json) {
        this.json = json;
    }

    public String write(ScimResource resource) {
        try {
            return json.writeValueAsString(resource);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public <T extends ScimResource> T read(String document, Class<T> type) {
        try {
            return json.readValue(document, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException("A stored " + type.getSimpleName() + " document cannot be read", e);
        }
    }
}
