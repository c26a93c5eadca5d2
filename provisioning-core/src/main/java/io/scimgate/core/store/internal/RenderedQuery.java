package io.scimgate.core.store.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.ResultQuery;
import org.jooq.SQLDialect;
import org.jooq.conf.MappedSchema;
import org.jooq.conf.RenderMapping;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;

/**
 * A hot query whose SQL is rendered once per dialect and store schema instead of on every call: built with jOOQ as
 * usual, with named parameters ({@code DSL.param("id", String.class)}) where its values go, then
 * prepared as that SQL with its values bound, its rows read back into jOOQ records. Building and
 * rendering a jOOQ query tree (even jOOQ's plain-SQL queries scan their text on every call) costs
 * more CPU than H2 takes to answer a read by primary key (BENCHMARKS.md, third pass), and the SQL
 * of such a query never changes between calls.
 *
 * <p>The values are given in the order of the parameter names, which must be the order in which
 * the parameters appear in the SQL; this is checked when the query is declared.
 */
public final class RenderedQuery {

    /** What the SQL depends on besides the template: the dialect and the schema the store's tables are mapped to. */
    private record Target(SQLDialect dialect, String schema) {

        static Target of(DSLContext dsl) {
            RenderMapping mapping = dsl.settings().getRenderMapping();
            String schema = null;
            if (mapping != null) {
                for (MappedSchema mapped : mapping.getSchemata()) {
                    if (mapped.getInput() != null && mapped.getInput().isEmpty()) {
                        schema = mapped.getOutput();
                    }
                }
            }
            return new Target(dsl.dialect(), schema);
        }
    }

    private final Query template;
    private final Field<?>[] fields;
    /** One rendering per store shape: several cores in one JVM (a host's tests, ours) may differ in dialect or schema. */
    private final Map<Target, String> rendered = new ConcurrentHashMap<>();

    private RenderedQuery(Query template) {
        this.template = template;
        this.fields = template instanceof ResultQuery<?> select ? select.fields() : new Field<?>[0];
    }

    /**
     * @param template the query or statement, built without a connection ({@code DSL.select…},
     *     {@code DSL.update…}), its values as named parameters
     * @param parameters the names of its parameters, in the order they appear in its SQL
     */
    public static RenderedQuery of(Query template, String... parameters) {
        // Inline values are part of the SQL, not parameters.
        List<String> named = template.getParams().entrySet().stream().filter(param -> !param.getValue().isInline())
                .map(Map.Entry::getKey).toList();
        if (!named.equals(List.of(parameters))) {
            throw new IllegalArgumentException("The query's parameters are " + named + ", in this order, not "
                    + List.of(parameters));
        }
        return new RenderedQuery(template);
    }

    /** The rows of the query with these values, as records of {@code table} (the template selects that table's fields). */
    public <R extends Record> Result<R> fetch(DSLContext dsl, Table<R> table, Object... values) {
        return run(dsl, values, statement -> {
            try (ResultSet rows = statement.executeQuery()) {
                return dsl.fetch(rows, table.fields()).into(table);
            }
        });
    }

    /** The rows of the query with these values, carrying the template's fields. */
    public Result<Record> fetch(DSLContext dsl, Object... values) {
        return run(dsl, values, statement -> {
            try (ResultSet rows = statement.executeQuery()) {
                return dsl.fetch(rows, fields);
            }
        });
    }

    /** Runs the statement (an {@code UPDATE}, {@code INSERT} or {@code DELETE}) with these values: the rows it changed. */
    public int execute(DSLContext dsl, Object... values) {
        return run(dsl, values, PreparedStatement::executeUpdate);
    }

    private interface Run<T> {
        T on(PreparedStatement statement) throws SQLException;
    }

    /** On the connection of {@code dsl} (its transaction's, if it has one), as jOOQ would run the query, minus rendering it. */
    private <T> T run(DSLContext dsl, Object[] values, Run<T> run) {
        String sql = sql(dsl);
        return dsl.connectionResult(connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < values.length; i++) {
                    statement.setObject(i + 1, values[i]);
                }
                return run.on(statement);
            } catch (SQLException e) {
                throw new DataAccessException("SQL [" + sql + "]; " + e.getMessage(), e);
            }
        });
    }

    String sql(DSLContext dsl) {
        return rendered.computeIfAbsent(Target.of(dsl), target -> dsl.render(template));
    }
}
