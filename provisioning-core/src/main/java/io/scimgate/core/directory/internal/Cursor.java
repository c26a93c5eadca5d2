package io.scimgate.core.directory.internal;

import java.io.IOException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.core.directory.query.InvalidQueryException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A position in a sorted list, handed to clients as an opaque token of URL-safe characters
 * (RFC 9865 §2): the sort key and insertion sequence of the row it is next to, the direction to go
 * from there, a fingerprint of the query so that a cursor cannot be replayed on another query, and
 * where and when its walk started. The order of a walk with sortBy is as of its start (RULES.md
 * P31); cursors hold no server state, and expire when the history their walk reads is pruned.
 *
 * @param key the sort key of the row as text (as of the walk's start), or null (no sortBy, or a row without a value)
 * @param walkStart the walk's start in the change history, or null for a cursor issued before walks had one
 * @param startedAt when the walk started, in epoch seconds, or null as for {@code walkStart}
 */
record Cursor(boolean backward, long seq, String key, String query, Long walkStart, Long startedAt) {

    private static final ObjectMapper JSON = new ObjectMapper();

    String encode() {
        ObjectNode node = JSON.createObjectNode().put("d", backward ? "p" : "n").put("s", seq).put("q", query);
        if (key != null) {
            node.put("k", key);
        }
        if (walkStart != null) {
            node.put("w", walkStart).put("t", startedAt);
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
                || !node.path("d").isTextual() || node.has("w") != node.has("t")
                || node.has("w") && !(node.get("w").canConvertToLong() && node.get("t").canConvertToLong())) {
            throw invalid("This cursor was not issued by this server");
        }
        if (!node.get("q").asText().equals(expectedQuery)) {
            throw invalid("This cursor belongs to another query; repeat the filter, sortBy and sortOrder of the first page");
        }
        return new Cursor(node.get("d").asText().equals("p"), node.get("s").asLong(), node.path("k").textValue(), expectedQuery,
                node.has("w") ? node.get("w").asLong() : null, node.has("t") ? node.get("t").asLong() : null);
    }

    private static InvalidQueryException invalid(String detail) {
        return new InvalidQueryException(InvalidQueryException.Reason.INVALID_CURSOR, detail + " (start again with an empty cursor)");
    }
}
