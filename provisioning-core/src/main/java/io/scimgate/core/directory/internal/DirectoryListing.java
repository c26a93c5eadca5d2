package io.scimgate.core.directory.internal;

import io.scimgate.core.directory.Keyed;
import io.scimgate.core.directory.Page;
import io.scimgate.core.store.internal.RenderedQuery;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.OrderField;
import org.jooq.impl.DSL;
import org.jooq.impl.QOM;

/**
 * Filtered, ordered reads of one directory's users or groups. Every read is scoped to the
 * directory it names, so no filter can reach another directory's rows (P5).
 */
public interface DirectoryListing<T> {

    /**
     * A page's order by a sort key and where the page starts in it, as SQL built over named
     * parameters ({@link RenderedQuery.Parameters}): the statements of the whole directory's pages
     * are rendered once per shape (the key, the direction, where the page starts), each page binding
     * only {@link #values}.
     */
    interface Keyset {

        /** All that {@link #order} and {@link #position} render depends on besides the field given them. */
        Object shape();

        /** The values the parameters of {@link #position} take. */
        Map<String, ?> values();

        /** The order: by the key given, then by the insertion sequence. */
        List<OrderField<?>> order(Field<?> key);

        /**
         * The rows beyond the page's start in {@link #order} of {@code key}, or no condition for a page
         * at the start. {@code keyUnique}: no two of the rows compared have the same value of
         * {@code key}, so that the position needs no tie-break by sequence; PostgreSQL then reads it as
         * a range of the key's index alone, without fetching each row's sequence from the table.
         */
        Condition position(Field<?> key, boolean keyUnique, RenderedQuery.Parameters parameters);
    }

    /**
     * Whether a request's filter is none (the translator's condition for that is TRUE). By identity:
     * jOOQ compares conditions by rendering both, which cost every page a rendering.
     */
    static boolean matchesEverything(Condition filter) {
        return filter == null || filter == DSL.noCondition() || filter instanceof QOM.True;
    }

    /**
     * Matches of {@code filter} in {@code order} (creation order breaks ties), skipping
     * {@code offset} and returning at most {@code limit}, with the total count.
     */
    Page<T> find(String directoryId, Condition filter, List<? extends OrderField<?>> order, int offset, int limit);

    /** How many rows of the directory match {@code filter}. */
    int count(String directoryId, Condition filter);

    /**
     * How many rows the directory has: {@link #count} without a filter, from a kept count where there
     * is one, with the directory's order version read in the same statement.
     */
    DirectorySize size(String directoryId);

    /**
     * Matches in exactly {@code order} (the caller ends it with a unique key such as {@code seq}
     * when it needs a stable order), without counting them: keyset paging passes its position as
     * part of {@code filter}.
     */
    List<T> list(String directoryId, Condition filter, List<? extends OrderField<?>> order, int offset, int limit);

    /**
     * Like {@link #list}, each item with its value of {@code key}, for keyset paging: the next page
     * starts after the last item's key, exactly as the database compared it.
     */
    <K> List<Keyed<T, K>> listKeyed(String directoryId, Field<K> key, Condition filter,
            List<? extends OrderField<?>> order, int limit);

    /**
     * The whole directory (no filter) in insertion order, or its reverse, strictly after (descending:
     * before) the sequence {@code after} (or from the start, null), skipping {@code offset}: walks the
     * (directory, sequence) index, so a page costs the rows it skips and returns, not a sort of the
     * directory.
     */
    List<T> inInsertionOrder(String directoryId, Long after, boolean descending, int offset, int limit);

    /**
     * The whole directory (no filter) in the order of {@code keyset} by {@code key}, from its
     * position, skipping {@code offset}, each item with its value of {@code key}: walks the index of
     * (directory, key, sequence), as {@link #inInsertionOrder} walks (directory, sequence).
     */
    <K> List<Keyed<T, K>> inSortOrder(String directoryId, Field<K> key, Keyset keyset, int offset, int limit);

    /**
     * Every {@code spacing}-th row of the whole directory in the order of {@code from} by {@code key}
     * (insertion order for {@code key} null, {@code from} then ordering by the sequence alone): the
     * row's sequence, with its value of {@code key}. {@code from} gives the order's start, {@code after}
     * the position after a kept row; {@code each} is given every kept row as soon as it is read.
     * Several statements: the caller checks that nothing moved a row meanwhile.
     */
    <K> List<Keyed<Long, K>> everyNth(String directoryId, Field<K> key, Keyset from, Function<Keyed<Long, K>, Keyset> after,
            int spacing, Consumer<Keyed<Long, K>> each);

    /**
     * Starts a cursor walk of the directory: the position in its change history that the walk's
     * order is as of (RULES.md P31). Waits for changes under way in the directory to commit.
     */
    long walkStart(String directoryId);

    /**
     * A page of a cursor walk started at {@code start}: the matches of {@code filter} (on their
     * current values) in the order of {@code key} as of the start, then the sequence, each item with
     * that key. A row changed since the start sorts by the values before its first change since; a
     * row created since, by its values before its first change. {@code keyset} is given the key
     * field to compare and sort by (the row's sequence is the table's).
     */
    <K> List<Keyed<T, K>> walkPage(String directoryId, long start, Field<K> key, Condition filter, Keyset keyset, int limit);
}
