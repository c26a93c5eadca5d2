package io.scimgate.server.scim.endpoint;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.server.scim.ScimProblem;
import io.scimgate.server.scim.filter.ScimFilterParser;
import io.scimgate.server.scim.json.JsonFields;
import io.scimgate.server.scim.paging.PageSpec;
import java.util.Locale;
import org.apache.directory.scim.spec.filter.FilterExpression;
import org.apache.directory.scim.spec.filter.SortOrder;
import org.apache.directory.scim.spec.filter.attribute.AttributeReference;

/** A query over a resource type (RFC 7644 §3.4.2, RFC 9865): filter, sort and page. */
public record ListRequest(FilterExpression filter, AttributeReference sortBy, SortOrder sortOrder, PageSpec page) {

    public static ListRequest of(String filter, String sortBy, String sortOrder, Integer startIndex, Integer count,
            String cursor) {
        return new ListRequest(ScimFilterParser.parse(filter), sortBy(sortBy), sortOrder(sortOrder),
                PageSpec.of(startIndex, count, cursor));
    }

    /** From query parameters SCIMple's endpoint contract has already converted (the filter with our parser). */
    public static ListRequest of(FilterExpression filter, AttributeReference sortBy, SortOrder sortOrder,
            Integer startIndex, Integer count, String cursor) {
        return new ListRequest(filter, sortBy, sortOrder, PageSpec.of(startIndex, count, cursor));
    }

    /** From a SearchRequest body of {@code POST /.search} (RFC 7644 §3.4.3). */
    public static ListRequest of(JsonNode search) {
        return of(text(search, "filter"), text(search, "sortBy"), text(search, "sortOrder"),
                integer(search, "startIndex"), integer(search, "count"), text(search, "cursor"));
    }

    /** A {@code sortBy} parameter: an attribute name, or null. */
    public static AttributeReference sortBy(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        if (!text.strip().matches("[A-Za-z0-9:._$-]+")) {
            throw ScimProblem.invalidValue("sortBy '" + text + "' is not an attribute name");
        }
        return new AttributeReference(text.strip());
    }

    /** A {@code sortOrder} parameter in any case, or null. */
    public static SortOrder sortOrder(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "ascending" -> SortOrder.ASCENDING;
            case "descending" -> SortOrder.DESCENDING;
            default -> throw ScimProblem.invalidValue("sortOrder is ascending or descending, not '" + text + "'");
        };
    }

    private static String text(JsonNode node, String name) {
        JsonNode value = JsonFields.field(node, name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isValueNode()) {
            throw ScimProblem.invalidValue(name + " must be a string");
        }
        return value.asText();
    }

    private static Integer integer(JsonNode node, String name) {
        JsonNode value = JsonFields.field(node, name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.canConvertToInt() && value.isIntegralNumber()) {
            return value.intValue();
        }
        if (value.isTextual() && value.asText().strip().matches("-?\\d{1,9}")) {
            return Integer.parseInt(value.asText().strip());
        }
        throw ScimProblem.invalidValue(name + " must be an integer");
    }

}
