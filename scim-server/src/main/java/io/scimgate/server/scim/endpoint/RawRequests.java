package io.scimgate.server.scim.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimgate.server.scim.ScimProblem;
import io.scimgate.server.scim.bulk.BulkLimits;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Set;
import org.apache.directory.scim.protocol.data.BulkRequest;
import org.apache.directory.scim.protocol.data.PatchRequest;
import org.apache.directory.scim.protocol.data.SearchRequest;

/**
 * PatchOp, SearchRequest and BulkRequest bodies, kept as the JSON the client sent. SCIMple's
 * endpoint contract types them as its own classes, but binding them through SCIMple M1 parses PATCH
 * paths and filters before IDP-QUIRKS.md §10 normalisation can see them; the endpoints read the JSON.
 */
public final class RawRequests {

    private RawRequests() {
    }

    public static JsonNode body(Object request) {
        return request instanceof Raw raw ? raw.json() : null;
    }

    interface Raw {
        JsonNode json();
    }

    static final class RawPatchRequest extends PatchRequest implements Raw {
        private final transient JsonNode json;

        RawPatchRequest(JsonNode json) {
            this.json = json;
        }

        @Override
        public JsonNode json() {
            return json;
        }
    }

    static final class RawSearchRequest extends SearchRequest implements Raw {
        private final transient JsonNode json;

        RawSearchRequest(JsonNode json) {
            this.json = json;
        }

        @Override
        public JsonNode json() {
            return json;
        }
    }

    static final class RawBulkRequest extends BulkRequest implements Raw {
        private final transient JsonNode json;

        RawBulkRequest(JsonNode json) {
            this.json = json;
        }

        @Override
        public JsonNode json() {
            return json;
        }
    }

    /** Reads the three request types as JSON; a bulk body beyond its advertised maximum is 413. */
    @Consumes({"application/scim+json", MediaType.APPLICATION_JSON})
    public static final class Reader implements MessageBodyReader<Object> {

        private static final Set<Class<?>> TYPES = Set.of(PatchRequest.class, SearchRequest.class, BulkRequest.class);

        private final ObjectMapper json;

        public Reader(ObjectMapper json) {
            this.json = json;
        }

        @Override
        public boolean isReadable(Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
            return TYPES.contains(type);
        }

        @Override
        public Object readFrom(Class<Object> type, Type genericType, Annotation[] annotations, MediaType mediaType,
                MultivaluedMap<String, String> headers, InputStream body) throws IOException {
            if (BulkRequest.class.equals(type)) {
                byte[] bytes = body.readNBytes(BulkLimits.MAX_PAYLOAD_BYTES + 1);
                if (bytes.length > BulkLimits.MAX_PAYLOAD_BYTES) {
                    throw new ScimProblem(413, null, "A bulk request has at most " + BulkLimits.MAX_PAYLOAD_BYTES
                            + " bytes (maxPayloadSize)");
                }
                return new RawBulkRequest(bytes.length == 0 ? null : json.readTree(bytes));
            }
            byte[] bytes = body.readAllBytes();
            JsonNode tree = bytes.length == 0 ? null : json.readTree(bytes);
            return PatchRequest.class.equals(type) ? new RawPatchRequest(tree) : new RawSearchRequest(tree);
        }
    }
}
