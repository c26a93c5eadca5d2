package io.scimgate.core.store.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jooq.DSLContext;
import org.jooq.DataType;
import org.jooq.Field;
import org.jooq.Param;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.ResultQuery;
import org.jooq.SQLDialect;
import org.jooq.conf.MappedSchema;
import org.jooq.conf.RenderMapping;
import org.jooq.Table;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;

/**
 * A hot query whose SQL is rendered once per dialect and store schema instead of on every call: built with jOOQ as
 * usual, with named parameters ({@code DSL.param("id", String.class)}) where its values go, then
 * prepared as that SQL with its values bound, its rows read back into jOOQ records. Building and
 * rendering a jOOQ query tree (even jOOQ's plain-SQL queries scan their text on every call) costs
 * more CPU than H2 takes to answer a read by primary key (BENCHMARKS.md, third pass), and the SQL
 * of such a query never changes between calls.
 *
 * <p>The values are given in the order of the parameter names, which must be the order in which
 * the parameters appear in the SQL; this is checked when the query is declared. A query declared
 * {@link #named} instead takes its values by name, a value used in several places once
 * ({@link Parameters}); {@link Shapes} keeps such queries whose SQL varies with the call (a list
 * page's order and position), one per shape.
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

    /**
     * The SQL for one target and, for a query declared {@link #named}, the name of the value each of
     * its parameters takes, in the order they appear in it (null for a query declared with {@link #of}).
     */
    private record Rendered(String sql, String[] valueNames) {
    }

    private final Query template;
    private final Field<?>[] fields;
    private final boolean named;
    /** One rendering per store shape: several cores in one JVM (a host's tests, ours) may differ in dialect or schema. */
    private final Map<Target, Rendered> rendered = new ConcurrentHashMap<>();

    private RenderedQuery(Query template, boolean named) {
        this.template = template;
        this.fields = template instanceof ResultQuery<?> select ? select.fields() : new Field<?>[0];
        this.named = named;
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
        return new RenderedQuery(template, false);
    }

    /**
     * A query whose parameters were made by {@link Parameters}: its values are given by name
     * ({@link #fetch(DSLContext, Map)}), and where each one goes is read from the SQL rendered for
     * the store, so the parameters may appear in any order and a value in several places.
     */
    public static RenderedQuery named(Query template) {
        return new RenderedQuery(template, true);
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

    /** The rows of a query declared {@link #named}, its values by name, carrying the template's fields. */
    public Result<Record> fetch(DSLContext dsl, Map<String, ?> values) {
        if (!named) {
            throw new IllegalStateException("This query takes its values in the order of its parameters");
        }
        Rendered sql = rendered(dsl);
        Object[] inOrder = new Object[sql.valueNames().length];
        for (int i = 0; i < inOrder.length; i++) {
            String name = sql.valueNames()[i];
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("No value named " + name + " among " + values.keySet());
            }
            inOrder[i] = values.get(name);
        }
        return run(sql.sql(), dsl, inOrder, statement -> {
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
        return run(sql(dsl), dsl, values, run);
    }

    private <T> T run(String sql, DSLContext dsl, Object[] values, Run<T> run) {
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
        return rendered(dsl).sql();
    }

    private Rendered rendered(DSLContext dsl) {
        return rendered.computeIfAbsent(Target.of(dsl), target -> named ? renderNamed(dsl) : new Rendered(dsl.render(template), null));
    }

    /** The SQL, and the value each of its parameters takes, in the order the store's dialect binds them. */
    private Rendered renderNamed(DSLContext dsl) {
        String sql = dsl.render(template);
        String[] valueNames = dsl.extractParams(template).entrySet().stream().filter(param -> !param.getValue().isInline())
                .map(param -> Parameters.valueName(param.getKey())).toArray(String[]::new);
        long placeholders = placeholders(sql);
        if (placeholders != valueNames.length) {
            // A dialect that rendered one parameter twice: its values could not be bound by position.
            throw new IllegalStateException("The SQL has " + placeholders + " parameters, the query " + valueNames.length
                    + ": " + sql);
        }
        return new Rendered(sql, valueNames);
    }

    /** The {@code ?} of {@code sql} outside its quoted literals and names. */
    private static long placeholders(String sql) {
        long count = 0;
        char quote = 0;
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == '?') {
                count++;
            }
        }
        return count;
    }

    /**
     * Makes the named parameters of a template declared {@link #named}: a value used in several
     * places gets a parameter for each ({@code directory}, {@code directory~2}, …), all bound from
     * its one value. Each parameter also carries the value given here, so that the same template can
     * run through jOOQ as it is (a query whose shape is not kept).
     */
    public static final class Parameters {

        private static final char ANOTHER_USE = '~';

        private final Map<String, ?> values;
        private final Map<String, Integer> uses = new HashMap<>();

        public Parameters(Map<String, ?> values) {
            this.values = values;
        }

        /** A parameter taking the value {@code name}, converted to {@code type}. */
        public <T> Param<T> of(String name, DataType<T> type) {
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("No value named " + name + " among " + values.keySet());
            }
            int use = uses.merge(name, 1, Integer::sum);
            String parameterName = use == 1 ? name : name + ANOTHER_USE + use;
            T value = type.convert(values.get(name));
            return value == null ? DSL.param(parameterName, type) : DSL.param(parameterName, value);
        }

        static String valueName(String parameterName) {
            int another = parameterName.indexOf(ANOTHER_USE);
            return another < 0 ? parameterName : parameterName.substring(0, another);
        }
    }

    /**
     * Queries of one family declared {@link #named} once per shape: {@code S} says all that the
     * SQL depends on besides the store's dialect and schema (which {@link RenderedQuery} tells
     * apart itself), so that two calls of one shape differ only in their values. Shapes are few
     * (an order, a direction, where a page starts), so they are kept for the life of the family.
     */
    public static final class Shapes<S> {

        private final Map<S, RenderedQuery> declared = new ConcurrentHashMap<>();

        /** The query of {@code shape}, declared from {@code template} the first time the shape is asked for. */
        public RenderedQuery of(S shape, Supplier<Query> template) {
            RenderedQuery query = declared.get(shape);
            return query != null ? query : declared.computeIfAbsent(shape, absent -> named(template.get()));
        }
    }
}
