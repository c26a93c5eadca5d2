package io.scimgate.core.directory;

import io.scimgate.core.InternalApi;
import java.util.List;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.OrderField;

/**
 * Filtered, ordered reads of one directory's users or groups. Every read is scoped to the
 * directory it names, so no filter can reach another directory's rows (P5).
 */
@InternalApi
public interface DirectoryListing<T> {

    /**
     * Matches of {@code filter} in {@code order} (creation order breaks ties), skipping
     * {@code offset} and returning at most {@code limit}, with the total count.
     */
    Page<T> find(String directoryId, Condition filter, List<? extends OrderField<?>> order, int offset, int limit);

    /** How many rows of the directory match {@code filter}. */
    int count(String directoryId, Condition filter);

    /** How many rows the directory has: {@link #count} without a filter, from a kept count where there is one. */
    int size(String directoryId);

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
     * The whole directory (no filter) in insertion order, or its reverse, from {@code position}
     * (a condition on the insertion sequence, or none), skipping {@code offset}: walks the
     * (directory, sequence) index, so a page costs the rows it skips and returns, not a sort of the
     * directory.
     */
    List<T> inInsertionOrder(String directoryId, Condition position, boolean descending, int offset, int limit);

    /**
     * The whole directory (no filter) in {@code order}, which starts with {@code key} and ends with
     * the sequence, from {@code position}, skipping {@code offset}, each item with its value of
     * {@code key}: walks the index of (directory, key, sequence), as {@link #inInsertionOrder} walks
     * (directory, sequence).
     */
    <K> List<Keyed<T, K>> inSortOrder(String directoryId, Field<K> key, Condition position,
            List<? extends OrderField<?>> order, int offset, int limit);
}
