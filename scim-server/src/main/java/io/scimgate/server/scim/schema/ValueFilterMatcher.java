package io.scimgate.server.scim.schema;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.server.scim.json.JsonFields;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.apache.directory.scim.spec.filter.AttributeComparisonExpression;
import org.apache.directory.scim.spec.filter.AttributePresentExpression;
import org.apache.directory.scim.spec.filter.CompareOperator;
import org.apache.directory.scim.spec.filter.FilterExpression;
import org.apache.directory.scim.spec.filter.GroupExpression;
import org.apache.directory.scim.spec.filter.LogicalExpression;
import org.apache.directory.scim.spec.filter.LogicalOperator;
import org.apache.directory.scim.spec.schema.Schema.Attribute;

/**
 * Whether an element of a multi-valued attribute matches the filter of a value path
 * ({@code emails[type eq "work"]}, {@code members[display sw "A"]}), in memory, with RFC 7644 §3.4.2.2
 * semantics: strings ignore case unless the sub-attribute is {@code caseExact}, a comparison with a
 * missing value is false, {@code pr} needs a non-empty value.
 */
public final class ValueFilterMatcher {

    private final FilterExpression filter;
    private final Attribute parent;

    /** @param parent the multi-valued attribute, or null when its schema is not declared */
    public ValueFilterMatcher(FilterExpression filter, Attribute parent) {
        this.filter = filter;
        this.parent = parent;
    }

    public static ValueFilterMatcher of(SchemaPath path) {
        return new ValueFilterMatcher(path.filter(), path.attribute());
    }

    public boolean matches(JsonNode element) {
        return element != null && element.isObject() && matches(filter, element);
    }

    private boolean matches(FilterExpression expression, JsonNode element) {
        if (expression instanceof LogicalExpression logical) {
            boolean left = matches(logical.getLeft(), element);
            return logical.getOperator() == LogicalOperator.OR ? left || matches(logical.getRight(), element)
                    : left && matches(logical.getRight(), element);
        }
        if (expression instanceof GroupExpression group) {
            return group.isNot() != matches(group.getFilterExpression(), element);
        }
        if (expression instanceof AttributePresentExpression present) {
            JsonNode value = JsonFields.field(element, present.getAttributePath().getSubAttributeName());
            return value != null && !value.isNull() && !(value.isTextual() && value.asText().isEmpty())
                    && !(value.isContainerNode() && value.isEmpty());
        }
        if (expression instanceof AttributeComparisonExpression comparison) {
            String name = comparison.getAttributePath().getSubAttributeName();
            return compare(JsonFields.field(element, name), comparison.getOperation(), comparison.getCompareValue(),
                    caseExact(name));
        }
        return false;
    }

    private boolean caseExact(String subAttribute) {
        Attribute sub = parent == null ? null : parent.getAttribute(subAttribute);
        return sub != null && sub.isCaseExact();
    }

    private static boolean compare(JsonNode actual, CompareOperator operator, Object expected, boolean caseExact) {
        if (expected == null) {
            boolean absent = actual == null || actual.isNull();
            return operator == CompareOperator.EQ ? absent : operator == CompareOperator.NE && !absent;
        }
        if (actual == null || actual.isNull() || actual.isContainerNode()) {
            return false;
        }
        if (expected instanceof Boolean bool) {
            boolean value = actual.isBoolean() ? actual.booleanValue() : Boolean.parseBoolean(actual.asText().strip());
            if (!actual.isBoolean() && !actual.asText().strip().equalsIgnoreCase(String.valueOf(value))) {
                return false;
            }
            return switch (operator) {
                case EQ -> value == bool;
                case NE -> value != bool;
                default -> false;
            };
        }
        if (expected instanceof Number number && (actual.isNumber() || isNumber(actual.asText()))) {
            int order = new BigDecimal(actual.asText().strip()).compareTo(new BigDecimal(number.toString()));
            return ordered(operator, order);
        }
        String left = actual.asText();
        String right = String.valueOf(expected);
        Integer dates = compareDateTimes(left, right);
        if (dates != null) {
            return ordered(operator, dates);
        }
        if (!caseExact) {
            left = left.toLowerCase(Locale.ROOT);
            right = right.toLowerCase(Locale.ROOT);
        }
        return switch (operator) {
            case EQ -> left.equals(right);
            case NE -> !left.equals(right);
            case CO -> left.contains(right);
            case SW -> left.startsWith(right);
            case EW -> left.endsWith(right);
            case GT -> left.compareTo(right) > 0;
            case GE -> left.compareTo(right) >= 0;
            case LT -> left.compareTo(right) < 0;
            case LE -> left.compareTo(right) <= 0;
            case PR -> true;
        };
    }

    private static boolean ordered(CompareOperator operator, int order) {
        return switch (operator) {
            case EQ -> order == 0;
            case NE -> order != 0;
            case GT -> order > 0;
            case GE -> order >= 0;
            case LT -> order < 0;
            case LE -> order <= 0;
            default -> false;
        };
    }

    private static boolean isNumber(String text) {
        try {
            new BigDecimal(text.strip());
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static Integer compareDateTimes(String left, String right) {
        if (left.length() < 20 || right.length() < 20 || left.charAt(10) != 'T' || right.charAt(10) != 'T') {
            return null;
        }
        try {
            return OffsetDateTime.parse(left).toInstant().compareTo(OffsetDateTime.parse(right).toInstant());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
