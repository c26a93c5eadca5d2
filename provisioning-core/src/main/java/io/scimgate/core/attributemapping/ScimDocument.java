package io.scimgate.core.attributemapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.Map;

/** Reading a directory user's stored SCIM document, whose attribute names count in any case (RFC 7643 §2.1). */
public final class ScimDocument {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ScimDocument() {
    }

    /** The stored document as a tree; a missing or unreadable one reads as an empty object. */
    public static JsonNode parse(String document) {
        if (document == null) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode tree = JSON.readTree(document);
            return tree == null || !tree.isObject() ? JSON.createObjectNode() : tree;
        } catch (JsonProcessingException e) {
            return JSON.createObjectNode();
        }
    }

    /** The member of {@code node} named {@code name} in any case, or null; an exact match wins. */
    public static JsonNode field(JsonNode node, String name) {
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode exact = node.get(name);
        if (exact != null) {
            return exact;
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getKey().equalsIgnoreCase(name)) {
                return field.getValue();
            }
        }
        return null;
    }
}
