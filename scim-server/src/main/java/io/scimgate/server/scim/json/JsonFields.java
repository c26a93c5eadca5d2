package io.scimgate.server.scim.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** Reads members of SCIM message bodies, whose names clients send in any case ({@code Operations}, {@code operations}). */
public final class JsonFields {

    private JsonFields() {
    }

    /** The member named {@code name} ignoring case, or null. */
    public static JsonNode field(JsonNode node, String name) {
        if (node == null || !node.isObject()) {
            return null;
        }
        if (node.has(name)) {
            return node.get(name);
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            if (entry.getKey().equalsIgnoreCase(name)) {
                return entry.getValue();
            }
        }
        return null;
    }

    /** The member as text when it is a string, number or boolean; else null. */
    public static String text(JsonNode node, String name) {
        JsonNode value = field(node, name);
        return value == null || !value.isValueNode() || value.isNull() ? null : value.asText();
    }
}
