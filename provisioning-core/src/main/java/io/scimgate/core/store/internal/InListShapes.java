package io.scimgate.core.store.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jooq.DataType;
import org.jooq.Param;
import org.jooq.Query;
import org.jooq.impl.DSL;

/**
 * A statement with one {@code IN (…)} list of values, rendered once for each of the list lengths 1,
 * 2, 4, … {@value #MAX_VALUES} ({@link RenderedQuery}): a list of another length is padded with its
 * last value, a longer one run in parts of {@value #MAX_VALUES}. Built by jOOQ on each call, such a
 * statement was rendered every time, and each length was a statement of its own in H2's query cache
 * of every pooled connection, whose invalidation walk, run by each writing transaction, reads every
 * value of a cached IN list (BENCHMARKS.md, "Eighth pass: the create's CPU").
 */
public final class InListShapes {

    public static final int MAX_VALUES = 64;

    /** The statement for 2^i values at index i. */
    private final RenderedQuery[] shapes = new RenderedQuery[Integer.numberOfTrailingZeros(MAX_VALUES) + 1];

    /**
     * @param type the values' type
     * @param template the statement, given the parameters its list holds (named {@code in_0}, {@code in_1}, …);
     *     it has no other parameters
     */
    public <T> InListShapes(DataType<T> type, Function<List<Param<T>>, Query> template) {
        for (int shape = 0; shape < shapes.length; shape++) {
            List<Param<T>> parameters = new ArrayList<>(1 << shape);
            for (int i = 0; i < 1 << shape; i++) {
                parameters.add(DSL.param("in_" + i, type));
            }
            shapes[shape] = RenderedQuery.of(template.apply(parameters),
                    parameters.stream().map(Param::getName).toArray(String[]::new));
        }
    }

    /**
     * Runs the statement for {@code values}, once per part of up to {@value #MAX_VALUES}: {@code run}
     * is given the statement of the part's padded length and its values.
     *
     * @return what each run answered, in the order of the parts
     */
    public <R> List<R> run(List<?> values, BiFunction<RenderedQuery, Object[], R> run) {
        List<R> results = new ArrayList<>((values.size() + MAX_VALUES - 1) / MAX_VALUES);
        for (int from = 0; from < values.size(); from += MAX_VALUES) {
            int count = Math.min(MAX_VALUES, values.size() - from);
            int shape = 32 - Integer.numberOfLeadingZeros(count - 1); // log2 of the next power of two
            Object[] padded = new Object[1 << shape];
            for (int i = 0; i < padded.length; i++) {
                padded[i] = values.get(from + Math.min(i, count - 1));
            }
            results.add(run.apply(shapes[shape], padded));
        }
        return results;
    }
}
