package io.scimgate.server.scim.filter;

import java.util.function.UnaryOperator;
import org.jooq.Field;

/**
 * A SCIM attribute that maps onto a column.
 *
 * @param column the column holding the value as sent
 * @param key an indexed, normalised copy of the column for case-insensitive equality, or null
 * @param keyOf how values are normalised into {@code key}
 * @param onMultiValuedRow whether the column lives on a child row (one per value) reached through EXISTS
 * @param sortField what sorting by this attribute orders by
 */
record FilterableAttribute(
        Field<?> column,
        Field<String> key,
        UnaryOperator<String> keyOf,
        ColumnKind kind,
        boolean caseExact,
        boolean onMultiValuedRow,
        Field<?> sortField) {

    static FilterableAttribute exactString(Field<String> column) {
        return new FilterableAttribute(column, null, null, ColumnKind.STRING, true, false, column);
    }

    static FilterableAttribute string(Field<String> column) {
        return new FilterableAttribute(column, null, null, ColumnKind.STRING, false, false,
                org.jooq.impl.DSL.lower(column));
    }

    static FilterableAttribute keyedString(Field<String> column, Field<String> key, UnaryOperator<String> keyOf) {
        return new FilterableAttribute(column, key, keyOf, ColumnKind.STRING, false, false, key);
    }

    static FilterableAttribute bool(Field<Boolean> column) {
        return new FilterableAttribute(column, null, null, ColumnKind.BOOLEAN, true, false, column);
    }

    static FilterableAttribute dateTime(Field<?> column) {
        return new FilterableAttribute(column, null, null, ColumnKind.DATE_TIME, true, false, column);
    }

    /** The same attribute, found on a child row; sorting uses {@code sortField} of the parent. */
    FilterableAttribute onRow(Field<?> parentSortField) {
        return new FilterableAttribute(column, key, keyOf, kind, caseExact, true, parentSortField);
    }
}
