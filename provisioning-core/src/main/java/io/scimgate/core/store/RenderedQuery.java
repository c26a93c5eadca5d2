package io.scimgate.core.store;

import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.ResultQuery;
import org.jooq.SQLDialect;
import org.jooq.Table;

/**
 * A hot query whose SQL is rendered once per dialect instead of on every call: built with jOOQ as
 * usual, with named parameters ({@code DSL.param("id", String.class)}) where its values go, then run
 * as that SQL with its values. Building and rendering a jOOQ query tree costs more CPU than H2 takes
 * to answer a read by primary key (BENCHMARKS.md, third pass), and the SQL of such a query never
 * changes between calls.
 *
 * <p>The values are given in the order of the parameter names, which must be the order in which
 * the parameters appear in the SQL; this is checked when the query is declared.
 */
public final class RenderedQuery {

    private record Rendered(SQLDialect dialect, String sql) {
    }

    private final ResultQuery<?> template;
    private final Field<?>[] fields;
    private volatile Rendered rendered;

    private RenderedQuery(ResultQuery<?> template) {
        this.template = template;
        this.fields = template.fields();
    }

    /**
     * @param template the query, built without a connection ({@code DSL.select…}), its values as named parameters
     * @param parameters the names of its parameters, in the order they appear in its SQL
     */
    public static RenderedQuery of(ResultQuery<?> template, String... parameters) {
        List<String> named = List.copyOf(template.getParams().keySet());
        if (!named.equals(List.of(parameters))) {
            throw new IllegalArgumentException("The query's parameters are " + named + ", in this order, not "
                    + List.of(parameters));
        }
        return new RenderedQuery(template);
    }

    /** The query with these values, its rows typed as records of {@code table} (the template selects that table's fields). */
    public <R extends Record> ResultQuery<R> with(DSLContext dsl, Table<R> table, Object... values) {
        return dsl.resultQuery(sql(dsl), values).coerce(table);
    }

    /** The query with these values, its rows carrying the template's fields. */
    public ResultQuery<Record> with(DSLContext dsl, Object... values) {
        return dsl.resultQuery(sql(dsl), values).coerce(fields);
    }

    private String sql(DSLContext dsl) {
        Rendered current = rendered;
        if (current == null || current.dialect() != dsl.dialect()) {
            current = new Rendered(dsl.dialect(), dsl.render(template));
            rendered = current;
        }
        return current.sql();
    }
}
