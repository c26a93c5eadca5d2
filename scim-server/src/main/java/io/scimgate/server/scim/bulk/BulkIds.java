package io.scimgate.server.scim.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The {@code bulkId}s of one bulk request (RFC 7644 §3.7.2): the ids of the resources created so
 * far, and the substitution of {@code "bulkId:<id>"} references in paths and data.
 */
final class BulkIds {

    static final String PREFIX = "bulkId:";

    private final Map<String, String> created = new HashMap<>();

    void created(String bulkId, String id) {
        created.put(bulkId, id);
    }

    boolean isCreated(String bulkId) {
        return created.containsKey(bulkId);
    }

    /** The bulkIds {@code node} refers to. */
    static Set<String> references(JsonNode node) {
        Set<String> references = new LinkedHashSet<>();
        collect(node, references);
        return references;
    }

    static Set<String> references(String path) {
        Set<String> references = new LinkedHashSet<>();
        int at = path == null ? -1 : path.indexOf(PREFIX);
        if (at >= 0) {
            references.add(path.substring(at + PREFIX.length()).split("/")[0]);
        }
        return references;
    }

    private static void collect(JsonNode node, Set<String> references) {
        if (node == null) {
            return;
        }
        if (node.isTextual() && node.asText().startsWith(PREFIX)) {
            references.add(node.asText().substring(PREFIX.length()));
        }
        node.forEach(child -> collect(child, references));
    }

    /** {@code node} with every reference to a created resource replaced by its id. */
    JsonNode resolve(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            String text = node.asText();
            return text.startsWith(PREFIX) && created.containsKey(text.substring(PREFIX.length()))
                    ? new TextNode(created.get(text.substring(PREFIX.length()))) : node;
        }
        if (node.isArray()) {
            ArrayNode copy = ((ArrayNode) node).arrayNode();
            node.forEach(item -> copy.add(resolve(item)));
            return copy;
        }
        if (node.isObject()) {
            ObjectNode copy = ((ObjectNode) node).objectNode();
            node.properties().forEach(entry -> copy.set(entry.getKey(), resolve(entry.getValue())));
            return copy;
        }
        return node;
    }

    String resolve(String path) {
        for (Map.Entry<String, String> entry : created.entrySet()) {
            path = path.replace(PREFIX + entry.getKey(), entry.getValue());
        }
        return path;
    }
}
