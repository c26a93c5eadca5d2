package io.scimgate.server.scim.endpoint;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.server.scim.paging.ListPage;
import java.util.function.UnaryOperator;

/** The ListResponse message (RFC 7644 §3.4.2) of a page: integer counts, its position, each resource rendered. */
final class ListResponses {

    static final String LIST_SCHEMA = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

    private ListResponses() {
    }

    static ObjectNode of(ObjectMapper json, ListPage<ObjectNode> page, UnaryOperator<ObjectNode> render) {
        ObjectNode body = json.createObjectNode();
        body.putArray("schemas").add(LIST_SCHEMA);
        body.put("totalResults", page.total());
        body.put("itemsPerPage", page.items().size());
        if (page.startIndex() != null) {
            body.put("startIndex", page.startIndex());
        }
        if (page.previousCursor() != null) {
            body.put("previousCursor", page.previousCursor());
        }
        if (page.nextCursor() != null) {
            body.put("nextCursor", page.nextCursor());
        }
        ArrayNode resources = body.putArray("Resources");
        page.items().forEach(item -> resources.add(render.apply(item)));
        return body;
    }
}
