package io.scimgate.core.directory;

import io.scimgate.core.directory.internal.DirectoryListing;
import io.scimgate.core.directory.internal.DirectorySize;
import io.scimgate.core.store.internal.Database;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Index;
import org.jooq.OrderField;
import org.jooq.Record;
import org.jooq.RecordMapper;
import org.jooq.SortField;
import org.jooq.SortOrder;
import org.jooq.Table;
import org.jooq.TableRecord;

/** The {@link DirectoryListing} of one table (directory users, or directory groups). */
final class DirectoryRows<R extends TableRecord<R>, T> implements DirectoryListing<T> {

    private final Database database;
    private final Table<R> table;
    private final Field<String> id;
    private final SortHistory.Of history;
    private final Field<String> directoryId;
    private final Field<Long> seq;
    private final String directorySeqIndex;
    private final RecordMapper<R, T> mapper;
    private final BiFunction<DSLContext, String, DirectorySize> keptSize;
    private final Map<String, SortIndex> sortIndexes;

    /**
     * @param directorySeqIndex the name of the index on (directory id, seq)
     * @param history where the rows' sortable values before each change are kept
     */
    DirectoryRows(Database database, Table<R> table, Field<String> id, SortHistory.Of history, Field<String> directoryId,
            Field<Long> seq, String directorySeqIndex, RecordMapper<R, T> mapper) {
        this(database, table, id, history, directoryId, seq, directorySeqIndex, mapper, null);
    }

    /**
     * @param keptSize reads the number of a directory's rows and its order version, kept beside them,
     *     or null to count them (and keep no version)
     */
    DirectoryRows(Database database, Table<R> table, Field<String> id, SortHistory.Of history, Field<String> directoryId,
            Field<Long> seq, String directorySeqIndex, RecordMapper<R, T> mapper,
            BiFunction<DSLContext, String, DirectorySize> keptSize) {
        this.database = database;
        this.table = table;
        this.id = id;
        this.history = history;
        this.directoryId = directoryId;
        this.seq = seq;
        this.directorySeqIndex = directorySeqIndex;
        this.mapper = mapper;
        this.keptSize = keptSize;
        this.sortIndexes = sortIndexes();
    }

    @Override
    public Page<T> find(String directory, Condition filter, List<? extends OrderField<?>> order, int offset, int limit) {
        DSLContext dsl = database.dsl();
        Condition where = directoryId.eq(directory).and(filter);
        int total = dsl.fetchCount(table, where);
        if (limit <= 0 || offset >= total) {
            return new Page<>(List.of(), total);
        }
        List<OrderField<?>> ordering = new ArrayList<>(order);
        ordering.add(seq);
        return new Page<>(dsl.selectFrom(table).where(where).orderBy(ordering).offset(offset).limit(limit).fetch(mapper),
                total);
    }

    @Override
    public int count(String directory, Condition filter) {
        return database.dsl().fetchCount(table, directoryId.eq(directory).and(filter));
    }

    @Override
    public DirectorySize size(String directory) {
        return keptSize == null
                ? new DirectorySize(count(directory, DSL.noCondition()), null)
                : keptSize.apply(database.dsl(), directory);
    }

    @Override
    public List<T> list(String directory, Condition filter, List<? extends OrderField<?>> order, int offset, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return database.dsl().selectFrom(table).where(directoryId.eq(directory).and(filter))
                .orderBy(inIndexOrder(order)).offset(offset).limit(limit).fetch(mapper);
    }

    /**
     * An order by a sort key, led by the directory column: the (directory, key, seq) indexes then
     * give the order as it is asked for. H2 uses an index for ORDER BY only when the ORDER BY names
     * the index's leading columns, even one fixed by {@code directory_id = ?}; PostgreSQL drops a
     * column fixed by the WHERE from the order itself. An order by {@code seq} alone stays as it is,
     * so that a selective filter's own index (emails, userName) is not traded for a walk of the
     * directory in insertion order.
     */
    private List<OrderField<?>> inIndexOrder(List<? extends OrderField<?>> order) {
        List<OrderField<?>> led = new ArrayList<>(order.size() + 1);
        if (!order.isEmpty() && !isSeq(order.get(0))) {
            boolean descending = order.get(0) instanceof SortField<?> first && first.getOrder() == SortOrder.DESC;
            led.add(descending ? directoryId.desc() : directoryId.asc());
        }
        led.addAll(order);
        return led;
    }

    /**
     * H2 picks one of the many indexes that start with the directory id for {@code directory_id = ?}
     * and then sorts the whole directory (spilling it to disk past a few thousand rows) instead of
     * reading the (directory, seq) index in order; it is told which index to use. PostgreSQL reads
     * that index in order by itself.
     */
    @Override
    public List<T> inInsertionOrder(String directory, Condition position, boolean descending, int offset, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        List<OrderField<?>> order = List.of(descending ? directoryId.desc() : directoryId.asc(), descending ? seq.desc() : seq.asc());
        return database.dsl().select(table.fields()).from(through(directorySeqIndex))
                .where(onPage(directory, position, order, seq, offset, limit))
                .orderBy(order)
                .offset(skipped(offset)).limit(limit)
                .fetch(row -> mapper.map(row.into(table)));
    }

    /**
     * Like {@link #inInsertionOrder}, through the index of the sort key (H2 is told to use it, as
     * there). A key that is unique in its directory never ties, so the sequence that breaks ties is
     * left out of the order: the order is the same, and it is exactly the unique index's, which H2
     * otherwise reads and then sorts again by sequence, row by row.
     */
    @Override
    public <K> List<Keyed<T, K>> inSortOrder(String directory, Field<K> key, Condition position,
            List<? extends OrderField<?>> order, int offset, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        SortIndex index = sortIndexes.get(key.getName());
        List<OrderField<?>> byIndex = inIndexOrder(index != null && index.uniqueKey()
                ? order.stream().filter(field -> !isSeq(field)).toList()
                : order);
        Field<K> sortKey = key.as("sort_key");
        Condition onPage = index == null
                ? directoryId.eq(directory).and(position)
                : onPage(directory, position, byIndex, index.uniqueKey() ? index.key() : seq, offset, limit);
        return database.dsl().select(table.fields()).select(sortKey)
                .from(through(index == null ? null : index.name()))
                .where(onPage)
                .orderBy(byIndex)
                .offset(index == null ? offset : skipped(offset)).limit(limit)
                .fetch(row -> new Keyed<>(mapper.map(row.into(table)), row.get(sortKey)));
    }

    /**
     * The rows of the directory's page. On PostgreSQL a page past the start is found in two steps:
     * the page's {@code rowKey}s (a column of the index, unique in the directory) from the index
     * alone, then the rows that have them; reading whole rows while skipping to the page reads the
     * table once per skipped row there. H2 skips index entries without reading their rows, so it
     * reads the page in one step.
     */
    private Condition onPage(String directory, Condition position, List<? extends OrderField<?>> order, Field<?> rowKey,
            int offset, int limit) {
        Condition inDirectory = directoryId.eq(directory).and(position);
        if (!skipsThroughKeys(offset)) {
            return inDirectory;
        }
        return directoryId.eq(directory).and(keysOfPage(rowKey, inDirectory, order, offset, limit));
    }

    private <K> Condition keysOfPage(Field<K> rowKey, Condition inDirectory, List<? extends OrderField<?>> order, int offset,
            int limit) {
        // = ANY(ARRAY(subquery)): PostgreSQL computes the page's keys once (an InitPlan), whatever its
        // statistics say; an IN (subquery) was planned as a subplan run per row of the directory when
        // the statistics predated a bulk load (27 s per page of a freshly loaded 10,000-user directory).
        return rowKey.eq(DSL.any(DSL.array(DSL.select(rowKey).from(table).where(inDirectory).orderBy(order)
                .offset(offset).limit(limit))));
    }

    /** What the query that reads the rows still skips: nothing once {@link #onPage} chose them by key. */
    private int skipped(int offset) {
        return skipsThroughKeys(offset) ? 0 : offset;
    }

    private boolean skipsThroughKeys(int offset) {
        return offset > 0 && database.dialect().family() == SQLDialect.POSTGRES;
    }

    private boolean isSeq(OrderField<?> field) {
        return field.equals(seq) || field instanceof SortField<?> sorted && sorted.$field().equals(seq);
    }

    /** The table, read through {@code index} on H2 (when there is one); PostgreSQL plans without hints. */
    private Table<?> through(String index) {
        return index != null && database.dialect().family() == SQLDialect.H2
                ? DSL.table("{0} USE INDEX ({1})", table, DSL.name(index))
                : table;
    }

    /**
     * One short statement per row kept: each skips {@code spacing - 1} entries of the order's index
     * from the row kept before. Numbering the whole directory in one statement (a window function)
     * made H2 sort and buffer all of it: about 2 s at 100,000 users, against about a page's cost here.
     */
    @Override
    public <K> List<Keyed<Long, K>> everyNth(String directory, Field<K> key, List<? extends OrderField<?>> order, int spacing,
            Function<Keyed<Long, K>, Condition> after, Consumer<Keyed<Long, K>> each) {
        SortIndex index = key == null ? null : sortIndexes.get(key.getName());
        List<OrderField<?>> byIndex = key == null ? List.copyOf(order) : inIndexOrder(index != null && index.uniqueKey()
                ? order.stream().filter(field -> !isSeq(field)).toList()
                : order);
        if (key == null) {
            byIndex = new ArrayList<>(byIndex);
            byIndex.add(0, directoryId.asc());
        }
        Table<?> through = through(key == null ? directorySeqIndex : index == null ? null : index.name());
        Field<K> sortKey = key == null ? null : key.as("sort_key");
        List<Keyed<Long, K>> kept = new ArrayList<>();
        Condition position = DSL.noCondition();
        while (true) {
            Record row = database.dsl().select(sortKey == null ? List.of(seq) : List.of(seq, sortKey))
                    .from(through)
                    .where(directoryId.eq(directory).and(position))
                    .orderBy(byIndex)
                    .offset(spacing - 1).limit(1)
                    .fetchOne();
            if (row == null) {
                return kept;
            }
            Keyed<Long, K> next = new Keyed<>(row.get(seq), sortKey == null ? null : row.get(sortKey));
            kept.add(next);
            each.accept(next);
            position = after.apply(next);
        }
    }

    @Override
    public <K> List<Keyed<T, K>> listKeyed(String directory, Field<K> key, Condition filter, List<? extends OrderField<?>> order,
            int limit) {
        if (limit <= 0) {
            return List.of();
        }
        Field<K> sortKey = key.as("sort_key");
        return database.dsl().select(table.asterisk(), sortKey)
                .from(table)
                .where(directoryId.eq(directory).and(filter))
                .orderBy(inIndexOrder(order))
                .limit(limit)
                .fetch(row -> new Keyed<>(mapper.map(row.into(table)), row.get(sortKey)));
    }

    /** In a transaction of its own, so that a deadlock with writers (the database ends one) starts it again. */
    @Override
    public long walkStart(String directory) {
        return database.transaction(tx -> SortHistory.walkStart(tx.dsl(), directory));
    }

    /**
     * Two parts, ordered together: rows unchanged since the start, from the index of the key as
     * every other page (the walk's order is theirs), and the rows changed since, which are few, with
     * the key computed over the values of their first change since the start. The latter is a
     * derived table named as the resource table and with its column names, so that the key's
     * expression reads the recorded values as it reads the current ones.
     */
    @Override
    public <K> List<Keyed<T, K>> walkPage(String directory, long start, Field<K> key, Condition filter,
            Function<Field<K>, Condition> position, Function<Field<K>, List<? extends OrderField<?>>> order, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        Table<?> change = history.table().as("change");
        Field<String> changeOf = change.field(history.resourceId());
        Field<Long> changeAt = change.field(history.position());
        Condition changedSince = DSL.exists(DSL.selectOne().from(history.table())
                .where(history.resourceId().eq(id), history.position().gt(start)));

        SortIndex index = sortIndexes.get(key.getName());
        List<OrderField<?>> byIndex = inIndexOrder(index != null && index.uniqueKey()
                ? order.apply(key).stream().filter(field -> !isSeq(field)).toList()
                : List.copyOf(order.apply(key)));
        Table<?> unchanged = DSL.select(id.as("row_id"), key.as("as_of"))
                .from(matchesEverything(filter) && index != null ? through(index.name()) : table)
                .where(directoryId.eq(directory), filter, position.apply(key), DSL.not(changedSince))
                .orderBy(byIndex)
                .limit(limit)
                .asTable("unchanged");

        // Each resource's first change since the start, found by one grouping over the changes since
        // the start: a per-change NOT EXISTS over the resource's earlier changes is quadratic in the
        // changes of a resource renamed over and over (PostgreSQL ran such a page past the two-instance
        // walk test's 30 s client timeout).
        Table<?> firsts = DSL.select(history.resourceId().as("first_of"), DSL.min(history.position()).as("first_at"))
                .from(history.table())
                .where(history.directoryId().eq(directory), history.position().gt(start))
                .groupBy(history.resourceId())
                .asTable("firsts");
        Table<?> firstChanges = DSL.select(change.fields()).select(changeOf.as(id.getName()))
                .from(change)
                .join(firsts).on(changeAt.eq(DSL.field(DSL.name("firsts", "first_at"), Long.class)))
                .asTable(table.getName());
        Table<?> recorded = DSL.select(DSL.field(DSL.name(table.getName(), history.resourceId().getName()), String.class)
                        .as("changed_id"), key.as("as_of"))
                .from(firstChanges)
                .asTable("recorded");
        Field<K> recordedKey = DSL.field(DSL.name("recorded", "as_of"), key.getDataType());
        Table<?> changed = DSL.select(id.as("row_id"), recordedKey.as("as_of"))
                .from(table).join(recorded).on(id.eq(DSL.field(DSL.name("recorded", "changed_id"), String.class)))
                .where(directoryId.eq(directory), filter, position.apply(recordedKey))
                .asTable("changed");

        Table<?> walk = DSL.select(DSL.asterisk()).from(unchanged)
                .unionAll(DSL.select(DSL.asterisk()).from(changed))
                .asTable("walk");
        Field<K> walkKey = DSL.field(DSL.name("walk", "as_of"), key.getDataType());
        // The rows and their history as of one moment: a rename seen in the one but not the other
        // would show the row at its new place with no record of the old (RULES.md P31).
        return database.readInOneSnapshot(dsl -> dsl.select(table.asterisk(), walkKey)
                .from(table).join(walk).on(id.eq(DSL.field(DSL.name("walk", "row_id"), String.class)))
                .orderBy(order.apply(walkKey))
                .limit(limit)
                .fetch(row -> new Keyed<>(mapper.map(row.into(table)), row.get(walkKey))));
    }

    private static boolean matchesEverything(Condition filter) {
        return filter == null || DSL.noCondition().equals(filter) || DSL.trueCondition().equals(filter);
    }

    /** An index that gives a sort key's order: on (directory, key, seq), or unique on (directory, key). */
    private record SortIndex(String name, boolean uniqueKey, Field<?> key) {
    }

    /** The {@link SortIndex} of each sort key, by the key's column name (V82.2). */
    private Map<String, SortIndex> sortIndexes() {
        Map<String, SortIndex> byKey = new HashMap<>();
        for (Index index : table.getIndexes()) {
            List<String> columns = index.getFields().stream().map(field -> field.$field().getName()).toList();
            boolean keyThenSeq = columns.size() == 3 && columns.get(2).equals(seq.getName());
            boolean uniqueKey = columns.size() == 2 && index.getUnique();
            if (columns.get(0).equals(directoryId.getName()) && (keyThenSeq || uniqueKey)) {
                byKey.put(columns.get(1), new SortIndex(index.getName(), uniqueKey, table.field(columns.get(1))));
            }
        }
        return Map.copyOf(byKey);
    }
}
