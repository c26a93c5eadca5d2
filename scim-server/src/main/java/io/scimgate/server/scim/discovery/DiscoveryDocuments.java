package io.scimgate.server.scim.discovery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.server.scim.ScimProblem;
import java.util.Collection;
import java.util.List;
import java.util.function.Function;

/** The JSON of discovery answers: copies of SCIMple's model objects with this request's {@code meta}. */
final class DiscoveryDocuments {

    private static final String LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

    private final ObjectMapper json;

    DiscoveryDocuments(ObjectMapper json) {
        this.json = json;
    }

    ObjectNode withMeta(Object model, String resourceType, String location) {
        ObjectNode document = json.valueToTree(model);
        document.putObject("meta").put("resourceType", resourceType).put("location", location);
        return document;
    }

    /** The list response of {@code models}, in the order given, each a document of its own. */
    <T> ObjectNode list(Collection<T> models, Function<T, ObjectNode> document) {
        return list(models.stream().map(document).toList());
    }

    /** The document of the model named {@code wanted}, ignoring case; 404 when there is none. */
    <T> ObjectNode one(Collection<T> models, Function<T, String> name, String wanted, Function<T, ObjectNode> document,
            String kind) {
        return models.stream()
                .filter(model -> name.apply(model).equalsIgnoreCase(wanted))
                .findFirst()
                .map(document)
                .orElseThrow(() -> new ScimProblem(404, null, "No " + kind + " " + wanted + " on this server"));
    }

    private ObjectNode list(List<ObjectNode> resources) {
        ObjectNode list = json.createObjectNode();
        list.putArray("schemas").add(LIST_SCHEMA);
        list.put("totalResults", resources.size());
        list.put("itemsPerPage", resources.size());
        list.put("startIndex", 1);
        ArrayNode items = list.putArray("Resources");
        resources.forEach(items::add);
        return list;
    }

    /** RFC 7644 §4: a filter on discovery endpoints is refused, so clients cannot think it applied. */
    static void refuseFilter(String filter) {
        if (filter != null) {
            throw new ScimProblem(403, null, "Discovery endpoints do not support filter");
        }
    }
}
