package io.scimgate.core.attributemapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.core.ErrorCode;
import io.scimgate.core.ScimgateException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A directory's attribute mapping (RULES.md P27): custom attribute names, each with the path of
 * its value in the directory user's stored SCIM document. Applied to a document, it gives the
 * user's {@code customAttributes}: every name, with the value found (as sent: a string, number,
 * boolean, object or array) or null.
 */
public final class AttributeMapping {

    public static final AttributeMapping NONE = new AttributeMapping(Map.of());
    public static final int MAX_ATTRIBUTES = 100;
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, AttributePath> paths;

    private AttributeMapping(Map<String, AttributePath> paths) {
        this.paths = Collections.unmodifiableMap(paths);
    }

    /** Checks and takes a mapping from names to paths, in its order; 400 with a clear code when it is not valid. */
    public static AttributeMapping of(Map<String, String> mapping) {
        if (mapping == null) {
            throw new ScimgateException(ErrorCode.MAPPING_REQUIRED, "The mapping is a JSON object of attribute names and paths");
        }
        if (mapping.size() > MAX_ATTRIBUTES) {
            throw new ScimgateException(ErrorCode.TOO_MANY_ATTRIBUTES, "A mapping has at most " + MAX_ATTRIBUTES + " attributes");
        }
        Map<String, AttributePath> paths = new LinkedHashMap<>();
        mapping.forEach((name, path) -> {
            if (name == null || !NAME.matcher(name).matches()) {
                throw new ScimgateException(ErrorCode.INVALID_ATTRIBUTE_NAME, "'" + name + "' is not a custom attribute name: "
                        + "a letter or _, then letters, digits or _, at most 64 characters");
            }
            paths.put(name, AttributePath.parse(path));
        });
        return new AttributeMapping(paths);
    }

    /** Reads the stored form written by {@link #toJson()}. */
    public static AttributeMapping fromJson(String json) {
        if (json == null) {
            return NONE;
        }
        try {
            Map<String, AttributePath> paths = new LinkedHashMap<>();
            JSON.readTree(json).fields().forEachRemaining(field -> paths.put(field.getKey(), AttributePath.parse(field.getValue().asText())));
            return new AttributeMapping(paths);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(asJson());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The mapping as a JSON object of names and paths, as it is given and shown. */
    public ObjectNode asJson() {
        ObjectNode object = JSON.createObjectNode();
        paths.forEach((name, path) -> object.put(name, path.text()));
        return object;
    }

    public Map<String, String> asMap() {
        Map<String, String> map = new LinkedHashMap<>();
        paths.forEach((name, path) -> map.put(name, path.text()));
        return map;
    }

    public boolean isEmpty() {
        return paths.isEmpty();
    }

    /** The custom attributes of a user whose stored document is {@code document}. */
    public ObjectNode apply(JsonNode document) {
        ObjectNode values = JSON.createObjectNode();
        paths.forEach((name, path) -> {
            JsonNode value = path.resolve(document);
            if (value == null) {
                values.putNull(name);
            } else {
                values.set(name, value.deepCopy());
            }
        });
        return values;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AttributeMapping mapping && mapping.paths.equals(paths)
                && mapping.paths.keySet().stream().toList().equals(paths.keySet().stream().toList());
    }

    @Override
    public int hashCode() {
        return paths.hashCode();
    }
}
