package io.scimgate.server.scim.discovery;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.server.scim.ScimProblem;
import java.util.List;

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

    ObjectNode list(List<ObjectNode> resources) {
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
