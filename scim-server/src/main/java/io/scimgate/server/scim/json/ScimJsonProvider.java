package io.scimgate.server.scim.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.jakarta.rs.json.JacksonXmlBindJsonProvider;
import io.scimgate.server.scim.endpoint.RawRequests;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/** Reads and writes SCIM documents (SCIMple's types, or JSON trees) as {@code application/scim+json} or JSON. */
@Consumes({"application/scim+json", MediaType.APPLICATION_JSON})
@Produces({"application/scim+json", MediaType.APPLICATION_JSON})
public final class ScimJsonProvider extends JacksonXmlBindJsonProvider {

    private static final String SCIMPLE_PACKAGES = "org.apache.directory.scim.";

    public ScimJsonProvider(ObjectMapper mapper) {
        super(mapper, DEFAULT_ANNOTATIONS);
    }

    /** Resources, PatchOp, SearchRequest and BulkRequest bodies are read as sent by {@code RawRequests.Reader}. */
    @Override
    public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return isScimType(type) && !RawRequests.Reader.TYPES.contains(type)
                && super.isReadable(type, genericType, annotations, mediaType);
    }

    @Override
    public boolean isWriteable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return isScimType(type) && super.isWriteable(type, genericType, annotations, mediaType);
    }

    private static boolean isScimType(Class<?> type) {
        return type.getName().startsWith(SCIMPLE_PACKAGES) || JsonNode.class.isAssignableFrom(type);
    }
}
