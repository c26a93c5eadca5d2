package io.scimgate.core.store.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReferenceArray;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStepN;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;

/**
 * An {@code INSERT} of a fixed list of a table's columns, its SQL rendered once per number of rows
 * (a {@link RenderedQuery} each), its values taken from records of the table. The hot inserts of a
 * create (the directory user, its emails, the User, the membership, the events) are built the same
 * way every time; building and rendering jOOQ's query tree for them on every call cost about a
 * tenth of a create's CPU (BENCHMARKS.md, fifth pass).
 *
 * <p>Every listed column is written, a null as NULL: list exactly the columns the caller sets, so
 * that a column's default still applies to the others.
 */
public final class RenderedInsert<R extends Record> {

    /** The most rows one statement inserts; more are written in statements of this many, in their order. */
    static final int MAX_ROWS_PER_STATEMENT = 64;

    private final Table<R> table;
    private final Field<?>[] columns;
    private final Field<?> returned;
    /** The statement for n rows at index n - 1, rendered when first needed. */
    private final AtomicReferenceArray<RenderedQuery> byRows = new AtomicReferenceArray<>(MAX_ROWS_PER_STATEMENT);

    private RenderedInsert(Table<R> table, Field<?> returned, Field<?>[] columns) {
        this.table = table;
        this.columns = columns.clone();
        this.returned = returned;
    }

    /** Inserts these columns of {@code table}. */
    public static <R extends Record> RenderedInsert<R> of(Table<R> table, Field<?>... columns) {
        return new RenderedInsert<>(table, null, columns);
    }

    /** Inserts these columns of {@code table} and reads {@code returned} (an identity) of the inserted rows back. */
    public static <R extends Record> RenderedInsert<R> returning(Table<R> table, Field<?> returned, Field<?>... columns) {
        return new RenderedInsert<>(table, returned, columns);
    }

    /** Inserts one row. */
    public void execute(DSLContext dsl, R row) {
        execute(dsl, List.of(row));
    }

    /** Inserts the rows, in as few statements as {@link #MAX_ROWS_PER_STATEMENT} allows. */
    public void execute(DSLContext dsl, List<R> rows) {
        for (int from = 0; from < rows.size(); from += MAX_ROWS_PER_STATEMENT) {
            List<R> chunk = rows.subList(from, Math.min(rows.size(), from + MAX_ROWS_PER_STATEMENT));
            statement(chunk.size()).execute(dsl, values(chunk));
        }
    }

    /**
     * Inserts the rows and answers the returned column of each, in ascending order: one statement
     * assigns identities in the order of its rows, and the statements run in the order of the rows,
     * so the i-th value belongs to the i-th row.
     */
    public <T extends Comparable<T>> List<T> executeReturning(DSLContext dsl, List<R> rows, Class<T> type) {
        if (returned == null) {
            throw new IllegalStateException("This insert returns nothing");
        }
        List<T> values = new ArrayList<>(rows.size());
        for (int from = 0; from < rows.size(); from += MAX_ROWS_PER_STATEMENT) {
            List<R> chunk = rows.subList(from, Math.min(rows.size(), from + MAX_ROWS_PER_STATEMENT));
            List<T> returnedByChunk = new ArrayList<>(statement(chunk.size()).fetch(dsl, values(chunk))
                    .getValues(0, type));
            returnedByChunk.sort(null);
            values.addAll(returnedByChunk);
        }
        return values;
    }

    private RenderedQuery statement(int rows) {
        RenderedQuery statement = byRows.get(rows - 1);
        if (statement == null) {
            // Two threads may declare the same statement at once; either one is right.
            statement = declare(rows);
            byRows.compareAndSet(rows - 1, null, statement);
        }
        return statement;
    }

    private RenderedQuery declare(int rows) {
        InsertValuesStepN<R> insert = DSL.insertInto(table, columns);
        List<String> names = new ArrayList<>(rows * columns.length);
        for (int row = 0; row < rows; row++) {
            List<Field<?>> parameters = new ArrayList<>(columns.length);
            for (Field<?> column : columns) {
                String name = column.getName() + "_" + row;
                names.add(name);
                parameters.add(DSL.param(name, column.getDataType()));
            }
            insert = insert.values(parameters.toArray(Field<?>[]::new));
        }
        Query template = returned == null ? insert : insert.returningResult(returned);
        return RenderedQuery.of(template, names.toArray(String[]::new));
    }

    private Object[] values(List<R> rows) {
        Object[] values = new Object[rows.size() * columns.length];
        int i = 0;
        for (R row : rows) {
            for (Field<?> column : columns) {
                values[i++] = row.get(column);
            }
        }
        return values;
    }
}
