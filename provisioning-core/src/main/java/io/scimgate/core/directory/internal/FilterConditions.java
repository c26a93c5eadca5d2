package io.scimgate.core.directory.internal;

import io.scimgate.core.directory.query.AttributeKind;
import io.scimgate.core.directory.query.Filter;
import io.scimgate.core.directory.query.FilterValue;
import io.scimgate.core.directory.query.InvalidQueryException;
import io.scimgate.core.directory.query.Operator;
import io.scimgate.core.directory.query.Sort;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * Turns a query's {@link Filter} into a jOOQ condition over indexed columns, so the database does
 * the matching, and its {@link Sort} into the field it orders by. Case follows each attribute's
 * {@code caseExact}. An attribute or comparison that cannot be translated is refused with
 * {@link InvalidQueryException}, never silently ignored.
 *
 * <p>Every comparison is false, never SQL NULL, on a missing value: {@code ne} matches only
 * resources that have a different value (as SCIMple's in-memory matcher does), and
 * {@code not (title eq "x")} also matches resources without a title.
 */
final class FilterConditions {

    private static final char LIKE_ESCAPE = '!';

    private final ColumnCatalogue catalogue;

    FilterConditions(ColumnCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** The condition of {@code filter}; TRUE for none. */
    Condition toCondition(Filter filter) {
        return filter == null ? DSL.trueCondition() : translate(filter, null);
    }

    /** What {@code sort} orders by (before the insertion order that breaks ties), or null for no sort. */
    SortKey sortKey(Sort sort) {
        if (sort == null) {
            return null;
        }
        FilterableColumn column = catalogue.column(sort.attribute());
        if (column == null || column.sortField() == null) {
            throw new InvalidQueryException(InvalidQueryException.Reason.INVALID_SORT, "Cannot sort by '" + sort.attribute()
                    + "'; sortBy may be one of: " + catalogue.attributes().names(true));
        }
        return new SortKey(column.name(), column.sortField(), sort.descending());
    }

    private Condition translate(Filter filter, String valuePathParent) {
        if (filter instanceof Filter.And and) {
            return translate(and.left(), valuePathParent).and(translate(and.right(), valuePathParent));
        }
        if (filter instanceof Filter.Or or) {
            return translate(or.left(), valuePathParent).or(translate(or.right(), valuePathParent));
        }
        if (filter instanceof Filter.Not not) {
            return DSL.not(translate(not.filter(), valuePathParent));
        }
        if (filter instanceof Filter.ValuePath valuePath) {
            return valuePath(valuePath, valuePathParent);
        }
        if (filter instanceof Filter.Comparison comparison) {
            return comparison(comparison, valuePathParent);
        }
        Filter.Present present = (Filter.Present) filter;
        FilterableColumn column = resolve(present.attribute(), valuePathParent);
        return onResource(column, present(column), valuePathParent);
    }

    private Condition comparison(Filter.Comparison comparison, String valuePathParent) {
        FilterableColumn column = resolve(comparison.attribute(), valuePathParent);
        Condition condition = compare(column, comparison.operator(), comparison.value());
        boolean byKey = comparison.operator() == Operator.EQ || comparison.operator() == Operator.SW;
        if (valuePathParent == null && column.rowsByKey() != null && comparison.value() != FilterValue.NULL && byKey) {
            return column.rowsByKey().apply(condition);
        }
        return onResource(column, condition, valuePathParent);
    }

    private Condition valuePath(Filter.ValuePath valuePath, String valuePathParent) {
        if (valuePathParent != null) {
            throw invalid("Value paths cannot be nested: " + valuePathParent + "[" + valuePath.parent() + "[...]]");
        }
        FilterableColumn any = catalogue.attributes().attributes().stream()
                .filter(attribute -> attribute.onMultiValuedParent() && attribute.multiValuedParent().equalsIgnoreCase(valuePath.parent()))
                .findFirst()
                .map(attribute -> catalogue.column(attribute.name()))
                .orElseThrow(() -> invalid("Cannot filter on '" + valuePath.parent() + "' with a value path; supported attributes: "
                        + catalogue.attributes().names(false)));
        Condition onRow = translate(valuePath.filter(), any.multiValuedParent());
        return any.rowExists().apply(onRow);
    }

    private static Condition onResource(FilterableColumn column, Condition condition, String valuePathParent) {
        if (valuePathParent != null) {
            return condition;
        }
        return column.onMultiValuedRow() ? column.rowExists().apply(condition) : condition;
    }

    /** The column behind an attribute of a filter; inside a value path, names are sub-attributes of its parent. */
    private FilterableColumn resolve(String attribute, String valuePathParent) {
        String name = attribute;
        if (valuePathParent != null && !attribute.toLowerCase(Locale.ROOT).startsWith(valuePathParent.toLowerCase(Locale.ROOT) + ".")) {
            name = valuePathParent + "." + attribute;
        }
        FilterableColumn column = catalogue.column(name);
        if (column == null) {
            throw invalid("Cannot filter on '" + name + "'; supported attributes: " + catalogue.attributes().names(false));
        }
        if (valuePathParent != null && !valuePathParent.equals(column.multiValuedParent())) {
            throw invalid("Inside " + valuePathParent + "[...] a filter can only test sub-attributes of " + valuePathParent
                    + ", not " + column.name());
        }
        return column;
    }

    private static Condition compare(FilterableColumn column, Operator operator, FilterValue value) {
        if (value instanceof FilterValue.Null) {
            return switch (operator) {
                case EQ -> column.column().isNull();
                case NE -> column.column().isNotNull();
                default -> throw invalid("'" + operator.written() + " null' is not a comparison on " + column.name());
            };
        }
        Condition comparison = switch (column.kind()) {
            case STRING -> compareString(column, operator, text(value));
            case BOOLEAN -> compareBoolean(column, operator, value);
            case DATE_TIME -> compareDateTime(column, operator, value);
        };
        return column.column().isNotNull().and(comparison);
    }

    /** A value as text, for a string attribute (or to parse as the attribute's kind). */
    private static String text(FilterValue value) {
        if (value instanceof FilterValue.Text text) {
            return text.text();
        }
        if (value instanceof FilterValue.Bool bool) {
            return String.valueOf(bool.value());
        }
        if (value instanceof FilterValue.Number number) {
            return number.value().toString();
        }
        return ((FilterValue.DateTime) value).value().toString();
    }

    @SuppressWarnings("unchecked")
    private static Condition compareString(FilterableColumn column, Operator operator, String value) {
        Field<String> field = (Field<String>) column.column();
        if (column.key() != null && (operator == Operator.EQ || operator == Operator.NE)) {
            Condition equal = column.key().eq(column.keyOf().apply(value));
            return operator == Operator.EQ ? equal : DSL.not(equal);
        }
        Field<String> compared = column.key() != null ? column.key() : column.caseExact() ? field : DSL.lower(field);
        String operand = column.caseExact() ? value : value.toLowerCase(Locale.ROOT);
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
        };
    }

    @SuppressWarnings("unchecked")
    private static Condition compareBoolean(FilterableColumn column, Operator operator, FilterValue value) {
        Boolean operand = value instanceof FilterValue.Bool bool ? Boolean.valueOf(bool.value())
                : value instanceof FilterValue.Text text && "true".equalsIgnoreCase(text.text()) ? Boolean.TRUE
                : value instanceof FilterValue.Text text && "false".equalsIgnoreCase(text.text()) ? Boolean.FALSE : null;
        if (operand == null) {
            throw invalid(column.name() + " is a boolean; compare it with true or false");
        }
        Field<Boolean> field = (Field<Boolean>) column.column();
        return switch (operator) {
            case EQ -> field.eq(operand);
            case NE -> field.ne(operand);
            default -> throw invalid("Operator '" + operator.written() + "' does not apply to the boolean " + column.name());
        };
    }

    @SuppressWarnings("unchecked")
    private static Condition compareDateTime(FilterableColumn column, Operator operator, FilterValue value) {
        OffsetDateTime operand = value instanceof FilterValue.DateTime dateTime ? dateTime.value()
                : parseDateTime(column, text(value));
        Field<OffsetDateTime> field = (Field<OffsetDateTime>) column.column();
        return switch (operator) {
            case EQ -> field.eq(operand);
            case NE -> field.ne(operand);
            case GT -> field.gt(operand);
            case GE -> field.ge(operand);
            case LT -> field.lt(operand);
            case LE -> field.le(operand);
            default -> throw invalid("Operator '" + operator.written() + "' does not apply to the dateTime " + column.name());
        };
    }

    @SuppressWarnings("unchecked")
    private static Condition present(FilterableColumn column) {
        Field<?> field = column.column();
        if (column.kind() == AttributeKind.STRING) {
            return field.isNotNull().and(((Field<String>) field).ne(""));
        }
        return field.isNotNull();
    }

    private static OffsetDateTime parseDateTime(FilterableColumn column, String text) {
        try {
            return OffsetDateTime.parse(text);
        } catch (DateTimeParseException notOffset) {
            try {
                return LocalDateTime.parse(text).atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException notLocal) {
                try {
                    return Instant.parse(text).atOffset(ZoneOffset.UTC);
                } catch (DateTimeParseException e) {
                    throw invalid(column.name() + " is a dateTime; '" + text + "' is not an RFC 3339 date-time");
                }
            }
        }
    }

    private static InvalidQueryException invalid(String detail) {
        return new InvalidQueryException(InvalidQueryException.Reason.INVALID_FILTER, detail);
    }

    private static String escapeLike(String value) {
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
