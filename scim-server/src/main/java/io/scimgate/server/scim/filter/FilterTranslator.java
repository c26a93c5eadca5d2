package io.scimgate.server.scim.filter;

import io.scimgate.server.scim.ScimProblem;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
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
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.OrderField;
import org.jooq.impl.DSL;

/**
 * Turns a parsed SCIM filter (RFC 7644 §3.4.2.2) into a jOOQ condition over indexed columns, so the
 * database does the matching. Case follows each attribute's {@code caseExact}. An attribute or
 * operator that cannot be translated is refused with {@code invalidFilter}, never silently ignored.
 */
public final class FilterTranslator {

    private static final char LIKE_ESCAPE = '!';

    private final String coreSchemaUrn;
    private final Map<String, FilterableAttribute> attributes;
    private final Map<String, String> defaultSubAttributes;
    private final UnaryOperator<Condition> existsOnRow;

    /**
     * @param attributes by lower-case path: {@code username}, {@code name.givenname},
     *        or extension-qualified {@code urn:...:user:employeenumber}
     * @param defaultSubAttributes multi-valued attributes compared without a sub-attribute, e.g. emails → value
     * @param existsOnRow wraps a condition on child rows into a condition on the resource
     */
    FilterTranslator(String coreSchemaUrn, Map<String, FilterableAttribute> attributes,
            Map<String, String> defaultSubAttributes, UnaryOperator<Condition> existsOnRow) {
        this.coreSchemaUrn = coreSchemaUrn;
        this.attributes = attributes;
        this.defaultSubAttributes = defaultSubAttributes;
        this.existsOnRow = existsOnRow;
    }

    public Condition toCondition(FilterExpression expression) {
        if (expression == null) {
            return DSL.trueCondition();
        }
        return translate(expression, false);
    }

    public OrderField<?> orderBy(AttributeReference sortBy, SortOrder order) {
        FilterableAttribute attribute = resolve(sortBy, "sort by");
        Field<?> field = attribute.sortField();
        return order == SortOrder.DESCENDING ? field.desc().nullsLast() : field.asc().nullsLast();
    }

    private Condition translate(FilterExpression expression, boolean insideValuePath) {
        if (expression instanceof LogicalExpression logical) {
            Condition left = translate(logical.getLeft(), insideValuePath);
            Condition right = translate(logical.getRight(), insideValuePath);
            return logical.getOperator() == LogicalOperator.OR ? left.or(right) : left.and(right);
        }
        if (expression instanceof GroupExpression group) {
            Condition inner = translate(group.getFilterExpression(), insideValuePath);
            return group.isNot() ? DSL.not(inner) : inner;
        }
        if (expression instanceof ValuePathExpression valuePath) {
            return valuePath(valuePath, insideValuePath);
        }
        if (expression instanceof AttributeComparisonExpression comparison) {
            FilterableAttribute attribute = resolve(comparison.getAttributePath(), "filter on");
            Condition condition = compare(attribute, comparison.getAttributePath(), comparison.getOperation(),
                    comparison.getCompareValue());
            return onResource(attribute, condition, insideValuePath);
        }
        if (expression instanceof AttributePresentExpression present) {
            FilterableAttribute attribute = resolve(present.getAttributePath(), "filter on");
            return onResource(attribute, present(attribute), insideValuePath);
        }
        throw ScimProblem.invalidFilter("Unsupported filter expression: " + expression.toFilter());
    }

    private Condition valuePath(ValuePathExpression valuePath, boolean insideValuePath) {
        if (insideValuePath) {
            throw ScimProblem.invalidFilter("Value paths cannot be nested: " + valuePath.toFilter());
        }
        if (valuePath.getAttributeExpression() == null) {
            throw ScimProblem.invalidFilter("Empty value path: " + valuePath.toFilter());
        }
        Condition onRow = translate(valuePath.getAttributeExpression(), true);
        return existsOnRow.apply(onRow);
    }

    private Condition onResource(FilterableAttribute attribute, Condition condition, boolean insideValuePath) {
        if (insideValuePath) {
            if (!attribute.onMultiValuedRow()) {
                throw ScimProblem.invalidFilter("A value path filter can only test sub-attributes of its attribute");
            }
            return condition;
        }
        return attribute.onMultiValuedRow() ? existsOnRow.apply(condition) : condition;
    }

    private FilterableAttribute resolve(AttributeReference reference, String purpose) {
        if (reference == null || reference.getAttributeName() == null) {
            throw ScimProblem.invalidFilter("Missing attribute name");
        }
        String name = reference.getAttributeName();
        String sub = reference.getSubAttributeName();
        String urn = reference.getUrn();
        String prefix = urn == null || urn.equalsIgnoreCase(coreSchemaUrn) ? "" : urn + ":";
        String path = (prefix + name + (sub == null ? "" : "." + sub)).toLowerCase(Locale.ROOT);
        FilterableAttribute attribute = attributes.get(path);
        if (attribute == null && sub == null) {
            String defaultSub = defaultSubAttributes.get(path);
            attribute = defaultSub == null ? null : attributes.get(path + "." + defaultSub);
        }
        if (attribute == null) {
            throw ScimProblem.invalidFilter("Cannot " + purpose + " '" + reference.getFullyQualifiedAttributeName()
                    + "'; supported attributes: " + String.join(", ", new TreeSet<>(attributes.keySet())));
        }
        return attribute;
    }

    private Condition compare(FilterableAttribute attribute, AttributeReference reference, CompareOperator operator,
            Object value) {
        if (operator == CompareOperator.PR) {
            return present(attribute);
        }
        if (value == null) {
            return switch (operator) {
                case EQ -> attribute.column().isNull();
                case NE -> attribute.column().isNotNull();
                default -> throw ScimProblem.invalidFilter("'" + operator.name().toLowerCase(Locale.ROOT)
                        + " null' is not a comparison on " + reference.getFullAttributeName());
            };
        }
        return switch (attribute.kind()) {
            case STRING -> compareString(attribute, operator, String.valueOf(value));
            case BOOLEAN -> compareBoolean(attribute, reference, operator, value);
            case DATE_TIME -> compareDateTime(attribute, reference, operator, value);
        };
    }

    @SuppressWarnings("unchecked")
    private static Condition compareString(FilterableAttribute attribute, CompareOperator operator, String value) {
        Field<String> column = (Field<String>) attribute.column();
        if (!attribute.caseExact() && attribute.key() != null && (operator == CompareOperator.EQ || operator == CompareOperator.NE)) {
            Condition equal = attribute.key().eq(attribute.keyOf().apply(value));
            return operator == CompareOperator.EQ ? equal : DSL.not(equal).or(column.isNull());
        }
        Field<String> compared = attribute.caseExact() ? column : DSL.lower(column);
        String operand = attribute.caseExact() ? value : value.toLowerCase(Locale.ROOT);
        return switch (operator) {
            case EQ -> compared.eq(operand);
            case NE -> compared.ne(operand).or(column.isNull());
            case CO -> compared.like("%" + escapeLike(operand) + "%", LIKE_ESCAPE);
            case SW -> compared.like(escapeLike(operand) + "%", LIKE_ESCAPE);
            case EW -> compared.like("%" + escapeLike(operand), LIKE_ESCAPE);
            case GT -> compared.gt(operand);
            case GE -> compared.ge(operand);
            case LT -> compared.lt(operand);
            case LE -> compared.le(operand);
            case PR -> throw new IllegalStateException("pr is handled before");
        };
    }

    @SuppressWarnings("unchecked")
    private static Condition compareBoolean(FilterableAttribute attribute, AttributeReference reference,
            CompareOperator operator, Object value) {
        Boolean operand = value instanceof Boolean b ? b
                : "true".equalsIgnoreCase(String.valueOf(value)) ? Boolean.TRUE
                : "false".equalsIgnoreCase(String.valueOf(value)) ? Boolean.FALSE : null;
        if (operand == null) {
            throw ScimProblem.invalidFilter(reference.getFullAttributeName() + " is a boolean; compare it with true or false");
        }
        Field<Boolean> column = (Field<Boolean>) attribute.column();
        return switch (operator) {
            case EQ -> column.eq(operand);
            case NE -> column.ne(operand).or(column.isNull());
            default -> throw ScimProblem.invalidFilter("Operator '" + operator.name().toLowerCase(Locale.ROOT)
                    + "' does not apply to the boolean " + reference.getFullAttributeName());
        };
    }

    @SuppressWarnings("unchecked")
    private static Condition compareDateTime(FilterableAttribute attribute, AttributeReference reference,
            CompareOperator operator, Object value) {
        OffsetDateTime operand = parseDateTime(reference, String.valueOf(value));
        Field<OffsetDateTime> column = (Field<OffsetDateTime>) attribute.column();
        return switch (operator) {
            case EQ -> column.eq(operand);
            case NE -> column.ne(operand);
            case GT -> column.gt(operand);
            case GE -> column.ge(operand);
            case LT -> column.lt(operand);
            case LE -> column.le(operand);
            default -> throw ScimProblem.invalidFilter("Operator '" + operator.name().toLowerCase(Locale.ROOT)
                    + "' does not apply to the dateTime " + reference.getFullAttributeName());
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

    private static OffsetDateTime parseDateTime(AttributeReference reference, String text) {
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(text).atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                try {
                    return Instant.parse(text).atOffset(ZoneOffset.UTC);
                } catch (DateTimeParseException e) {
                    throw ScimProblem.invalidFilter(reference.getFullAttributeName()
                            + " is a dateTime; '" + text + "' is not an RFC 3339 date-time");
                }
            }
        }
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
