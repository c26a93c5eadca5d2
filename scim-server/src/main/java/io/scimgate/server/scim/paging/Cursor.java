package io.scimgate.server.scim.paging;

import java.io.IOException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.server.scim.ScimProblem;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A position in a sorted list, handed to clients as an opaque token of URL-safe characters
 * (RFC 9865 §2): the sort key and insertion sequence of the row it is next to, the direction to go
 * from there, and a fingerprint of the query so that a cursor cannot be replayed on another query.
 * Cursors hold no server state, so they never expire.
 *
 * @param key the sort key of the row as text, or null (no sortBy, or a row without a value)
 */
record Cursor(boolean backward, long seq, String key, String query) {

    private static final ObjectMapper JSON = new ObjectMapper();

    String encode() {
        ObjectNode node = JSON.createObjectNode().put("d", backward ? "p" : "n").put("s", seq).put("q", query);
        if (key != null) {
            node.put("k", key);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(node.toString().getBytes(StandardCharsets.UTF_8));
    }

    static Cursor decode(String token, String expectedQuery) {
        JsonNode node;
        try {
            node = JSON.readTree(Base64.getUrlDecoder().decode(token));
        } catch (IllegalArgumentException | IOException e) {
            throw invalid("This cursor was not issued by this server");
        }
        if (node == null || !node.path("s").canConvertToLong() || !node.path("q").isTextual()
                || !node.path("d").isTextual()) {
            throw invalid("This cursor was not issued by this server");
        }
        if (!node.get("q").asText().equals(expectedQuery)) {
            throw invalid("This cursor belongs to another query; repeat the filter, sortBy and sortOrder of the first page");
        }
        return new Cursor(node.get("d").asText().equals("p"), node.get("s").asLong(), node.path("k").textValue(), expectedQuery);
    }

    private static ScimProblem invalid(String detail) {
        return new ScimProblem(400, "invalidCursor", detail + " (start again with an empty cursor)");
    }
}
