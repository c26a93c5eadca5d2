package io.scimgate.server.scim.filter;

import io.scimgate.server.scim.ScimProblem;
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
import org.apache.directory.scim.spec.schema.Schema;
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

    private final String coreSchemaUrn;
    private final Map<String, FilterableAttribute> attributes = new LinkedHashMap<>();
    private final Map<String, String> defaultSubAttributes;
    private final List<Schema> schemas;

    /**
     * @param schemas the resource's schema first, then its extensions: used to name attributes canonically
     * @param attributes what may be filtered on; extension attributes are named with their URN
     * @param defaultSubAttributes multi-valued attributes compared without a sub-attribute, e.g. emails → value
     */
    FilterTranslator(List<Schema> schemas, List<FilterableAttribute> attributes, Map<String, String> defaultSubAttributes) {
        this.coreSchemaUrn = schemas.get(0).getId();
        this.schemas = schemas;
        this.defaultSubAttributes = defaultSubAttributes;
        for (FilterableAttribute attribute : attributes) {
            String lower = attribute.name().toLowerCase(Locale.ROOT);
            this.attributes.put(lower, attribute);
            int urnEnd = lower.lastIndexOf(':');
            if (urnEnd >= 0) {
                this.attributes.putIfAbsent(lower.substring(urnEnd + 1), attribute);
            }
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
        FilterableAttribute attribute = attributes.get(path(sortBy));
        if (attribute == null && sortBy.getSubAttributeName() == null) {
            attribute = withDefaultSub(path(sortBy));
        }
        if (attribute == null || attribute.sortField() == null) {
            throw ScimProblem.invalidValue("Cannot sort by '" + canonicalName(sortBy) + "'; sortBy may be one of: "
                    + supported(true));
        }
        return new SortKey(attribute.sortField(), order == SortOrder.DESCENDING);
    }

    private Condition translate(FilterExpression expression, String valuePathParent) {
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
            FilterableAttribute attribute = resolve(comparison.getAttributePath());
            Condition condition = compare(attribute, comparison.getOperation(), comparison.getCompareValue());
            return onResource(attribute, condition, valuePathParent);
        }
        if (expression instanceof AttributePresentExpression present) {
            FilterableAttribute attribute = resolve(present.getAttributePath());
            return onResource(attribute, present(attribute), valuePathParent);
        }
        throw ScimProblem.invalidFilter("Unsupported filter expression: " + expression.toFilter());
    }

    private Condition valuePath(ValuePathExpression valuePath, String valuePathParent) {
        if (valuePathParent != null) {
            throw ScimProblem.invalidFilter("Value paths cannot be nested: " + valuePath.toFilter());
        }
        AttributeReference reference = valuePath.getAttributePath();
        if (valuePath.getAttributeExpression() == null) {
            throw ScimProblem.invalidFilter("Empty value path: " + valuePath.toFilter());
        }
        String parent = path(new AttributeReference(reference.getUrn(), reference.getAttributeName(), null));
        FilterableAttribute any = attributes.values().stream()
                .filter(attribute -> attribute.onMultiValuedRow()
                        && attribute.multiValuedParent().equalsIgnoreCase(parent))
                .findFirst()
                .orElseThrow(() -> ScimProblem.invalidFilter("Cannot filter on '" + canonicalName(reference)
                        + "' with a value path; supported attributes: " + supported(false)));
        Condition onRow = translate(valuePath.getAttributeExpression(), any.multiValuedParent());
        return any.rowExists().apply(onRow);
    }

    private static Condition onResource(FilterableAttribute attribute, Condition condition, String valuePathParent) {
        if (valuePathParent != null) {
            if (!valuePathParent.equals(attribute.multiValuedParent())) {
                throw ScimProblem.invalidFilter("Inside " + valuePathParent + "[...] a filter can only test sub-attributes of "
                        + valuePathParent + ", not " + attribute.name());
            }
            return condition;
        }
        return attribute.onMultiValuedRow() ? attribute.rowExists().apply(condition) : condition;
    }

    private FilterableAttribute resolve(AttributeReference reference) {
        if (reference == null || reference.getAttributeName() == null) {
            throw ScimProblem.invalidFilter("Missing attribute name");
        }
        String path = path(reference);
        FilterableAttribute attribute = attributes.get(path);
        if (attribute == null && reference.getSubAttributeName() == null) {
            attribute = withDefaultSub(path);
        }
        if (attribute == null) {
            throw ScimProblem.invalidFilter("Cannot filter on '" + canonicalName(reference) + "'; supported attributes: "
                    + supported(false));
        }
        return attribute;
    }

    private FilterableAttribute withDefaultSub(String path) {
        String defaultSub = defaultSubAttributes.get(path);
        return defaultSub == null ? null : attributes.get(path + "." + defaultSub);
    }

    /** The lower-case lookup path: extension attributes keep their URN, core ones lose it. */
    private String path(AttributeReference reference) {
        String urn = reference.getUrn();
        String prefix = urn == null || urn.equalsIgnoreCase(coreSchemaUrn) ? "" : urn + ":";
        String sub = reference.getSubAttributeName();
        return (prefix + reference.getAttributeName() + (sub == null ? "" : "." + sub)).toLowerCase(Locale.ROOT);
    }

    /** The attribute as the schema spells it, or as the client sent it when no schema knows it. */
    private String canonicalName(AttributeReference reference) {
        for (Schema schema : schemas) {
            boolean core = schema.getId().equals(coreSchemaUrn);
            if (reference.getUrn() != null && !reference.getUrn().equalsIgnoreCase(schema.getId())
                    || reference.getUrn() == null && !core) {
                continue;
            }
            Schema.Attribute attribute = schema.getAttribute(reference.getAttributeName());
            if (attribute == null) {
                continue;
            }
            String name = attribute.getName();
            if (reference.getSubAttributeName() != null) {
                Schema.Attribute sub = attribute.getAttribute(reference.getSubAttributeName());
                name += "." + (sub == null ? reference.getSubAttributeName() : sub.getName());
            }
            return core ? name : schema.getId() + ":" + name;
        }
        return reference.getFullyQualifiedAttributeName();
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
