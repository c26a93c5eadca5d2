package io.scimgate.server.scim.filter;

import io.scimgate.server.scim.ScimProblem;
import io.scimgate.server.scim.json.StorableText;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.directory.scim.spec.filter.AttributeComparisonExpression;
import org.apache.directory.scim.spec.filter.AttributePresentExpression;
import org.apache.directory.scim.spec.filter.CompareOperator;
import org.apache.directory.scim.spec.filter.FilterExpression;
import org.apache.directory.scim.spec.filter.GroupExpression;
import org.apache.directory.scim.spec.filter.LogicalExpression;
import org.apache.directory.scim.spec.filter.LogicalOperator;
import org.apache.directory.scim.spec.filter.SortOrder;
import org.apache.directory.scim.spec.filter.ValuePathExpression;
import org.apache.directory.scim.spec.filter.attribute.AttributeReference;
import io.scimgate.server.scim.schema.SchemaPath;
import io.scimgate.server.scim.schema.SchemaPaths;
import io.scimgate.server.scim.schema.UnknownPath;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Turns a parsed SCIM filter (RFC 7644 §3.4.2.2) into a jOOQ condition over indexed columns, so the
 * database does the matching. Case follows each attribute's {@code caseExact}. An attribute or
 * operator that cannot be translated is refused with {@code invalidFilter}, never silently ignored.
 *
 * <p>Every comparison is false, never SQL NULL, on a missing value: {@code ne} matches only
 * resources that have a different value (as SCIMple's in-memory matcher does), and
 * {@code not (title eq "x")} also matches resources without a title.
 */
public final class FilterTranslator {

    private static final char LIKE_ESCAPE = '!';

    private final SchemaPaths paths;
    private final Map<String, FilterableAttribute> attributes = new LinkedHashMap<>();
    private final Map<String, String> defaultSubAttributes;

    /**
     * @param paths the resolver of the resource type's attribute paths
     * @param attributes what may be filtered on, by canonical name; extension attributes are named with their URN
     * @param defaultSubAttributes multi-valued attributes compared without a sub-attribute, e.g. emails → value
     */
    FilterTranslator(SchemaPaths paths, List<FilterableAttribute> attributes, Map<String, String> defaultSubAttributes) {
        this.paths = paths;
        this.defaultSubAttributes = defaultSubAttributes;
        for (FilterableAttribute attribute : attributes) {
            this.attributes.put(attribute.name().toLowerCase(Locale.ROOT), attribute);
        }
    }

    public Condition toCondition(FilterExpression expression) {
        if (expression == null) {
            return DSL.trueCondition();
        }
        return translate(expression, null);
    }

    /** What {@code sortBy} orders by: the attribute's sort field, ascending unless asked otherwise. */
    public SortKey sortKey(AttributeReference sortBy, SortOrder order) {
        if (sortBy == null) {
            return null;
        }
        SchemaPath path;
        try {
            path = paths.resolve(sortBy);
        } catch (UnknownPath e) {
            throw ScimProblem.invalidValue(e.getMessage() + "; sortBy may be one of: " + supported(true));
        }
        FilterableAttribute attribute = lookup(path);
        if (attribute == null || attribute.sortField() == null) {
            throw ScimProblem.invalidValue("Cannot sort by '" + path.name() + "'" + notIndexed(path) + "; sortBy may be one of: "
                    + supported(true));
        }
        return new SortKey(attribute.sortField(), order == SortOrder.DESCENDING);
    }

    private Condition translate(FilterExpression expression, SchemaPath valuePathParent) {
        if (expression instanceof LogicalExpression logical) {
            Condition left = translate(logical.getLeft(), valuePathParent);
            Condition right = translate(logical.getRight(), valuePathParent);
            return logical.getOperator() == LogicalOperator.OR ? left.or(right) : left.and(right);
        }
        if (expression instanceof GroupExpression group) {
            Condition inner = translate(group.getFilterExpression(), valuePathParent);
            return group.isNot() ? DSL.not(inner) : inner;
        }
        if (expression instanceof ValuePathExpression valuePath) {
            return valuePath(valuePath, valuePathParent);
        }
        if (expression instanceof AttributeComparisonExpression comparison) {
            FilterableAttribute attribute = resolve(comparison.getAttributePath(), valuePathParent);
            Condition condition = compare(attribute, comparison.getOperation(), comparison.getCompareValue());
            if (valuePathParent == null && attribute.rowsByKey() != null && comparison.getCompareValue() != null
                    && (comparison.getOperation() == CompareOperator.EQ || comparison.getOperation() == CompareOperator.SW)) {
                return attribute.rowsByKey().apply(condition);
            }
            return onResource(attribute, condition, valuePathParent);
        }
        if (expression instanceof AttributePresentExpression present) {
            FilterableAttribute attribute = resolve(present.getAttributePath(), valuePathParent);
            return onResource(attribute, present(attribute), valuePathParent);
        }
        throw ScimProblem.invalidFilter("Unsupported filter expression: " + expression.toFilter());
    }

    private Condition valuePath(ValuePathExpression valuePath, SchemaPath valuePathParent) {
        if (valuePathParent != null) {
            throw ScimProblem.invalidFilter("Value paths cannot be nested: " + valuePath.toFilter());
        }
        if (valuePath.getAttributeExpression() == null) {
            throw ScimProblem.invalidFilter("Empty value path: " + valuePath.toFilter());
        }
        SchemaPath parent = resolvePath(valuePath.getAttributePath());
        FilterableAttribute any = attributes.values().stream()
                .filter(attribute -> attribute.onMultiValuedRow()
                        && attribute.multiValuedParent().equalsIgnoreCase(parent.name()))
                .findFirst()
                .orElseThrow(() -> ScimProblem.invalidFilter("Cannot filter on '" + parent.name()
                        + "' with a value path" + notIndexed(parent) + "; supported attributes: " + supported(false)));
        Condition onRow = translate(valuePath.getAttributeExpression(), parent);
        return any.rowExists().apply(onRow);
    }

    private static Condition onResource(FilterableAttribute attribute, Condition condition, SchemaPath valuePathParent) {
        if (valuePathParent != null) {
            if (!valuePathParent.name().equals(attribute.multiValuedParent())) {
                throw ScimProblem.invalidFilter("Inside " + valuePathParent.name() + "[...] a filter can only test sub-attributes of "
                        + valuePathParent.name() + ", not " + attribute.name());
            }
            return condition;
        }
        return attribute.onMultiValuedRow() ? attribute.rowExists().apply(condition) : condition;
    }

    /** The column behind an attribute of a filter; inside a value path, names are sub-attributes of its parent. */
    private FilterableAttribute resolve(AttributeReference reference, SchemaPath valuePathParent) {
        SchemaPath path;
        if (valuePathParent != null) {
            String sub = reference.getSubAttributeName() != null
                    && reference.getAttributeName().equalsIgnoreCase(valuePathParent.attributeName())
                    ? reference.getSubAttributeName() : reference.getAttributeName();
            path = resolvePath(valuePathParent.name() + "." + sub);
        } else {
            path = resolvePath(reference);
        }
        FilterableAttribute attribute = lookup(path);
        if (attribute == null) {
            throw ScimProblem.invalidFilter("Cannot filter on '" + path.name() + "'" + notIndexed(path)
                    + "; supported attributes: " + supported(false));
        }
        return attribute;
    }

    private SchemaPath resolvePath(AttributeReference reference) {
        if (reference == null || reference.getAttributeName() == null) {
            throw ScimProblem.invalidFilter("Missing attribute name");
        }
        return resolvePath(reference.getFullyQualifiedAttributeName());
    }

    private SchemaPath resolvePath(String text) {
        try {
            return paths.resolve(text);
        } catch (UnknownPath e) {
            throw ScimProblem.invalidFilter(e.getMessage() + "; filters can use: " + supported(false));
        }
    }

    private FilterableAttribute lookup(SchemaPath path) {
        String name = path.withoutFilter().name().toLowerCase(Locale.ROOT);
        FilterableAttribute attribute = attributes.get(name);
        if (attribute == null && !path.hasSubAttribute()) {
            String defaultSub = defaultSubAttributes.get(path.name());
            attribute = defaultSub == null ? null : attributes.get(name + "." + defaultSub.toLowerCase(Locale.ROOT));
        }
        return attribute;
    }

    /** Why an attribute of an extension the server does not define cannot be used, or nothing. */
    private static String notIndexed(SchemaPath path) {
        return path.declared() ? "" : ": the extension " + path.urn()
                + " is stored and returned as sent, but not indexed, so its attributes cannot be filtered or sorted on";
    }

    private String supported(boolean sortable) {
        return attributes.values().stream().distinct()
                .filter(attribute -> !sortable || attribute.sortField() != null)
                .map(FilterableAttribute::name)
                .collect(Collectors.joining(", "));
    }

    private static Condition compare(FilterableAttribute attribute, CompareOperator operator, Object value) {
        if (operator == CompareOperator.PR) {
            return present(attribute);
        }
        if (value == null) {
            return switch (operator) {
                case EQ -> attribute.column().isNull();
                case NE -> attribute.column().isNotNull();
                default -> throw ScimProblem.invalidFilter("'" + name(operator) + " null' is not a comparison on "
                        + attribute.name());
            };
        }
        Condition comparison = switch (attribute.kind()) {
            case STRING -> compareString(attribute, operator, String.valueOf(value));
            case BOOLEAN -> compareBoolean(attribute, operator, value);
            case DATE_TIME -> compareDateTime(attribute, operator, value);
        };
        return attribute.column().isNotNull().and(comparison);
    }

    @SuppressWarnings("unchecked")
    private static Condition compareString(FilterableAttribute attribute, CompareOperator operator, String value) {
        String unstorable = StorableText.problem(value);
        if (unstorable != null) {
            throw ScimProblem.invalidFilter("The value compared with " + attribute.name() + " contains " + unstorable);
        }
        Field<String> column = (Field<String>) attribute.column();
        if (attribute.key() != null && (operator == CompareOperator.EQ || operator == CompareOperator.NE)) {
            Condition equal = attribute.key().eq(attribute.keyOf().apply(value));
            return operator == CompareOperator.EQ ? equal : DSL.not(equal);
        }
        Field<String> compared = attribute.key() != null ? attribute.key() : attribute.caseExact() ? column : DSL.lower(column);
        String operand = attribute.caseExact() ? value : value.toLowerCase(Locale.ROOT);
        return switch (operator) {
            case EQ -> compared.eq(operand);
            case NE -> compared.ne(operand);
            case CO -> compared.like("%" + escapeLike(operand) + "%", LIKE_ESCAPE);
            case SW -> compared.like(escapeLike(operand) + "%", LIKE_ESCAPE);
            case EW -> compared.like("%" + escapeLike(operand), LIKE_ESCAPE);
            case GT -> CodePointOrder.of(compared).gt(operand);
            case GE -> CodePointOrder.of(compared).ge(operand);
            case LT -> CodePointOrder.of(compared).lt(operand);
            case LE -> CodePointOrder.of(compared).le(operand);
            case PR -> throw new IllegalStateException("pr is handled before");
        };
    }

    @SuppressWarnings("unchecked")
    private static Condition compareBoolean(FilterableAttribute attribute, CompareOperator operator, Object value) {
        Boolean operand = value instanceof Boolean b ? b
                : "true".equalsIgnoreCase(String.valueOf(value)) ? Boolean.TRUE
                : "false".equalsIgnoreCase(String.valueOf(value)) ? Boolean.FALSE : null;
        if (operand == null) {
            throw ScimProblem.invalidFilter(attribute.name() + " is a boolean; compare it with true or false");
        }
        Field<Boolean> column = (Field<Boolean>) attribute.column();
        return switch (operator) {
            case EQ -> column.eq(operand);
            case NE -> column.ne(operand);
            default -> throw ScimProblem.invalidFilter("Operator '" + name(operator) + "' does not apply to the boolean "
                    + attribute.name());
        };
    }

    @SuppressWarnings("unchecked")
    private static Condition compareDateTime(FilterableAttribute attribute, CompareOperator operator, Object value) {
        OffsetDateTime operand = parseDateTime(attribute, String.valueOf(value));
        Field<OffsetDateTime> column = (Field<OffsetDateTime>) attribute.column();
        return switch (operator) {
            case EQ -> column.eq(operand);
            case NE -> column.ne(operand);
            case GT -> column.gt(operand);
            case GE -> column.ge(operand);
            case LT -> column.lt(operand);
            case LE -> column.le(operand);
            default -> throw ScimProblem.invalidFilter("Operator '" + name(operator) + "' does not apply to the dateTime "
                    + attribute.name());
        };
    }

    @SuppressWarnings("unchecked")
    private static Condition present(FilterableAttribute attribute) {
        Field<?> column = attribute.column();
        if (attribute.kind() == ColumnKind.STRING) {
            return column.isNotNull().and(((Field<String>) column).ne(""));
        }
        return column.isNotNull();
    }

    private static OffsetDateTime parseDateTime(FilterableAttribute attribute, String text) {
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(text).atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                try {
                    return Instant.parse(text).atOffset(ZoneOffset.UTC);
                } catch (DateTimeParseException e) {
                    throw ScimProblem.invalidFilter(attribute.name() + " is a dateTime; '" + text
                            + "' is not an RFC 3339 date-time");
                }
            }
        }
    }

    private static String name(CompareOperator operator) {
        return operator.name().toLowerCase(Locale.ROOT);
    }

    static String escapeLike(String value) {
        StringBuilder escaped = new StringBuilder(value.length() + 4);
        for (char c : value.toCharArray()) {
            if (c == '%' || c == '_' || c == LIKE_ESCAPE) {
                escaped.append(LIKE_ESCAPE);
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
