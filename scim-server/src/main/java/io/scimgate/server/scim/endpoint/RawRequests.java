package io.scimgate.server.scim.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimgate.server.scim.ScimProblem;
import io.scimgate.server.scim.bulk.BulkLimits;
import io.scimgate.server.scim.json.StorableText;
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
import org.apache.directory.scim.spec.resources.ScimGroup;
import org.apache.directory.scim.spec.resources.ScimUser;

/**
 * Request bodies (User and Group resources, PatchOp, SearchRequest and BulkRequest) kept as the JSON
 * the client sent. SCIMple's endpoint contract types them as its own classes, but binding them
 * through SCIMple M1 drops extensions it does not know, parses PATCH paths and filters before the
 * normalisation of what IdPs send can see them, and reports wrong types as parser errors; the
 * endpoints read the JSON.
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

    static final class RawUser extends ScimUser implements Raw {
        private final transient JsonNode json;

        RawUser(JsonNode json) {
            this.json = json;
        }

        @Override
        public JsonNode json() {
            return json;
        }
    }

    static final class RawGroup extends ScimGroup implements Raw {
        private final transient JsonNode json;

        RawGroup(JsonNode json) {
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

    /**
     * The body's bytes, up to {@code limit}. A body that stops arriving (the transport's read timeout,
     * which is the request's time budget) is 408; one cut short by the client, 400.
     */
    static byte[] bytes(InputStream body, int limit) {
        try {
            return body.readNBytes(limit);
        } catch (IOException e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause()) {
                if (cause instanceof java.util.concurrent.TimeoutException || cause instanceof java.net.SocketTimeoutException) {
                    throw new ScimProblem(408, null, "The request body did not arrive within the request's time budget");
                }
            }
            throw ScimProblem.invalidSyntax("The request body ended before its announced length");
        }
    }

    private static JsonNode storable(JsonNode tree) {
        StorableText.check(tree);
        return tree;
    }

    /**
     * Reads the request types as JSON; a bulk body beyond its advertised maximum is 413, one with a
     * string no store can keep as sent 400 ({@link StorableText}).
     */
    @Consumes({"application/scim+json", MediaType.APPLICATION_JSON})
    public static final class Reader implements MessageBodyReader<Object> {

        public static final Set<Class<?>> TYPES = Set.of(PatchRequest.class, SearchRequest.class, BulkRequest.class,
                ScimUser.class, ScimGroup.class);

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
                byte[] bytes = bytes(body, BulkLimits.MAX_PAYLOAD_BYTES + 1);
                if (bytes.length > BulkLimits.MAX_PAYLOAD_BYTES) {
                    throw new ScimProblem(413, null, "A bulk request has at most " + BulkLimits.MAX_PAYLOAD_BYTES
                            + " bytes (maxPayloadSize)");
                }
                return new RawBulkRequest(storable(bytes.length == 0 ? null : json.readTree(bytes)));
            }
            byte[] bytes = bytes(body, Integer.MAX_VALUE);
            JsonNode tree = storable(bytes.length == 0 ? null : json.readTree(bytes));
            if (ScimUser.class.equals(type)) {
                return new RawUser(tree);
            }
            if (ScimGroup.class.equals(type)) {
                return new RawGroup(tree);
            }
            return PatchRequest.class.equals(type) ? new RawPatchRequest(tree) : new RawSearchRequest(tree);
        }
    }
}
