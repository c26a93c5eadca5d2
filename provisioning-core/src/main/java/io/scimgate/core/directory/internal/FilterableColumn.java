package io.scimgate.core.directory.internal;

import io.scimgate.core.directory.query.AttributeKind;
import io.scimgate.core.directory.query.QueryableAttribute;
import java.util.function.UnaryOperator;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.impl.DSL;

/**
 * A SCIM attribute that maps onto a column: the catalogue entry behind a {@link QueryableAttribute}.
 *
 * @param name the canonical attribute path, e.g. {@code name.givenName} or {@code emails.value}
 * @param column the column holding the value as sent
 * @param key an indexed, normalised copy of the column for case-insensitive equality, or null
 * @param keyOf how values are normalised into {@code key}
 * @param multiValuedParent the multi-valued attribute whose rows hold the column ({@code emails}), or null
 * @param rowExists turns a condition on those rows into a condition on the resource (null for own columns)
 * @param rowsByKey like {@code rowExists}, for a condition on {@code key} that an index on the key
 *     alone serves ({@code eq}, {@code sw}): a semi-join from that index; null where there is none
 * @param sortField what sorting by this attribute orders by, or null when it cannot be sorted by
 */
record FilterableColumn(
        String name,
        Field<?> column,
        Field<String> key,
        UnaryOperator<String> keyOf,
        AttributeKind kind,
        boolean caseExact,
        String multiValuedParent,
        UnaryOperator<Condition> rowExists,
        UnaryOperator<Condition> rowsByKey,
        Field<?> sortField) {

    static FilterableColumn exactString(String name, Field<String> column) {
        return new FilterableColumn(name, column, null, null, AttributeKind.STRING, true, null, null, null,
                CodePointOrder.of(column));
    }

    static FilterableColumn string(String name, Field<String> column) {
        return new FilterableColumn(name, column, null, null, AttributeKind.STRING, false, null, null, null,
                CodePointOrder.of(DSL.lower(column)));
    }

    static FilterableColumn keyedString(String name, Field<String> column, Field<String> key, UnaryOperator<String> keyOf) {
        return new FilterableColumn(name, column, key, keyOf, AttributeKind.STRING, false, null, null, null,
                CodePointOrder.of(key));
    }

    static FilterableColumn bool(String name, Field<Boolean> column) {
        return new FilterableColumn(name, column, null, null, AttributeKind.BOOLEAN, true, null, null, null, column);
    }

    static FilterableColumn dateTime(String name, Field<?> column) {
        return new FilterableColumn(name, column, null, null, AttributeKind.DATE_TIME, true, null, null, null, column);
    }

    /** The same attribute, found on the rows of {@code parent}; sorting by it uses {@code parentSortField}. */
    FilterableColumn onRows(String parent, UnaryOperator<Condition> exists, Field<?> parentSortField) {
        return new FilterableColumn(name, column, key, keyOf, kind, caseExact, parent, exists, null, parentSortField);
    }

    /** The same attribute, whose {@code eq} and {@code sw} find the rows through {@code byKey}. */
    FilterableColumn foundByKey(UnaryOperator<Condition> byKey) {
        return new FilterableColumn(name, column, key, keyOf, kind, caseExact, multiValuedParent, rowExists, byKey, sortField);
    }

    boolean onMultiValuedRow() {
        return multiValuedParent != null;
    }

    /** What the query API tells of this attribute. */
    QueryableAttribute describe() {
        return new QueryableAttribute(name, kind, caseExact, multiValuedParent, sortField != null);
    }
}
