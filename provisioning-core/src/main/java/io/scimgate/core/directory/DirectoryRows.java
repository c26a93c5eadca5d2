package io.scimgate.core.directory;

import io.scimgate.core.directory.internal.DirectoryListing;
import io.scimgate.core.directory.internal.DirectorySize;
import io.scimgate.core.store.internal.Database;
import io.scimgate.core.store.internal.RenderedQuery;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Index;
import org.jooq.OrderField;
import org.jooq.Query;
import org.jooq.Record;
import org.jooq.RecordMapper;
import org.jooq.Result;
import org.jooq.Select;
import org.jooq.SelectLimitStep;
import org.jooq.SortField;
import org.jooq.SortOrder;
import org.jooq.Table;
import org.jooq.TableRecord;

/** The {@link DirectoryListing} of one table (directory users, or directory groups). */
final class DirectoryRows<R extends TableRecord<R>, T> implements DirectoryListing<T> {

    private final Database database;
    private final Table<R> table;
    /** How many fields the table has: the first values of each page row. */
    private final int tableWidth;
    private final Field<String> id;
    private final SortHistory.Of history;
    private final Field<String> directoryId;
    private final Field<Long> seq;
    private final String directorySeqIndex;
    private final RecordMapper<R, T> mapper;
    private final BiFunction<DSLContext, String, DirectorySize> keptSize;
    private final Map<String, SortIndex> sortIndexes;
    /** The statements of the whole directory's pages, rendered once per shape (BENCHMARKS.md, eighth pass). */
    private final RenderedQuery.Shapes<InsertionOrderShape> insertionOrderPages = new RenderedQuery.Shapes<>();
    private final RenderedQuery.Shapes<KeysetShape> sortOrderPages = new RenderedQuery.Shapes<>();
    private final RenderedQuery.Shapes<KeysetShape> walkPages = new RenderedQuery.Shapes<>();
    private final RenderedQuery.Shapes<KeysetShape> anchorReads = new RenderedQuery.Shapes<>();

    /** The values the statements of pages take, besides a {@link Keyset}'s. */
    private static final String DIRECTORY = "directory";
    private static final String AFTER_SEQ = "after_seq";
    private static final String OFFSET = "offset";
    private static final String LIMIT = "limit";
    private static final String WALK_START = "walk_start";

    private record InsertionOrderShape(boolean descending, boolean after, boolean skips) {
    }

    private record KeysetShape(String key, Object keyset, boolean skips) {
    }

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
        this.tableWidth = table.fields().length;
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
    public List<T> inInsertionOrder(String directory, Long after, boolean descending, int offset, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        Map<String, Object> values = pageValues(directory, offset, limit);
        if (after != null) {
            values.put(AFTER_SEQ, after);
        }
        InsertionOrderShape shape = new InsertionOrderShape(descending, after != null, offset > 0);
        return insertionOrderPages.of(shape, () -> inInsertionOrder(shape, new RenderedQuery.Parameters(values)))
                .fetch(database.dsl(), values)
                .map(row -> mapper.map(tableRecord(row)));
    }

    private Query inInsertionOrder(InsertionOrderShape shape, RenderedQuery.Parameters parameters) {
        boolean descending = shape.descending();
        List<OrderField<?>> order = List.of(descending ? directoryId.desc() : directoryId.asc(), descending ? seq.desc() : seq.asc());
        Condition position = !shape.after() ? DSL.noCondition()
                : descending ? seq.lt(parameters.of(AFTER_SEQ, seq.getDataType())) : seq.gt(parameters.of(AFTER_SEQ, seq.getDataType()));
        return limited(DSL.select(table.fields()).from(through(directorySeqIndex))
                .where(onPage(parameters, position, order, seq, shape.skips()))
                .orderBy(order), parameters, skipsInTheRead(shape.skips()));
    }

    /**
     * Like {@link #inInsertionOrder}, through the index of the sort key (H2 is told to use it, as
     * there). A key that is unique in its directory never ties, so the sequence that breaks ties is
     * left out of the order: the order is the same, and it is exactly the unique index's, which H2
     * otherwise reads and then sorts again by sequence, row by row.
     */
    @Override
    public <K> List<Keyed<T, K>> inSortOrder(String directory, Field<K> key, Keyset keyset, int offset, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        Map<String, Object> values = pageValues(directory, offset, limit);
        values.putAll(keyset.values());
        KeysetShape shape = new KeysetShape(key.getName(), keyset.shape(), offset > 0);
        return sortOrderPages.of(shape, () -> inSortOrder(key, keyset, shape.skips(), new RenderedQuery.Parameters(values)))
                .fetch(database.dsl(), values)
                .map(row -> keyed(row, key));
    }

    private <K> Query inSortOrder(Field<K> key, Keyset keyset, boolean skips, RenderedQuery.Parameters parameters) {
        SortIndex index = sortIndexes.get(key.getName());
        List<OrderField<?>> order = keyset.order(key);
        List<OrderField<?>> byIndex = inIndexOrder(byIndexColumns(index, order));
        Condition position = keyset.position(key, uniqueKey(index), parameters);
        Condition onPage = index == null
                ? directoryId.eq(parameters.of(DIRECTORY, directoryId.getDataType())).and(position)
                : onPage(parameters, position, byIndex, index.uniqueKey() ? index.key() : seq, skips);
        return limited(DSL.select(table.fields()).select(key.as("sort_key"))
                .from(through(index == null ? null : index.name()))
                .where(onPage)
                .orderBy(byIndex), parameters, index == null ? skips : skipsInTheRead(skips));
    }

    /**
     * A row of a page's statement, which selects the table's fields in their order and then, for
     * {@link #keyed}, the key, as a record of the table. By position: {@code Record#into(Table)}
     * matched each field by name on the records {@link RenderedQuery} reads, about 2.8 ms of CPU per
     * page of 100 (BENCHMARKS.md, eighth pass).
     */
    private R tableRecord(Record row) {
        return tableRecord(row.intoArray());
    }

    /** The row's table fields, which come first among {@code values}, as a record of the table. */
    private R tableRecord(Object[] values) {
        R record = table.newRecord();
        record.fromArray(values.length == tableWidth ? values : Arrays.copyOf(values, tableWidth));
        return record;
    }

    private <K> Keyed<T, K> keyed(Record row, Field<K> key) {
        Object[] values = row.intoArray();
        return new Keyed<>(mapper.map(tableRecord(values)), key.getDataType().convert(values[values.length - 1]));
    }

    /** The values every page's statement takes (a map the caller adds to). */
    private static Map<String, Object> pageValues(String directory, int offset, int limit) {
        Map<String, Object> values = new HashMap<>(8);
        values.put(DIRECTORY, directory);
        values.put(OFFSET, offset);
        values.put(LIMIT, limit);
        return values;
    }

    /** {@code select} limited to the page's rows, skipping the offset's first if {@code skips}. */
    private static <Q extends Record> Select<Q> limited(SelectLimitStep<Q> select, RenderedQuery.Parameters parameters,
            boolean skips) {
        Field<Integer> limit = parameters.of(LIMIT, SQLDataType.INTEGER);
        return skips ? select.offset(parameters.of(OFFSET, SQLDataType.INTEGER)).limit(limit) : select.limit(limit);
    }

    /**
     * The rows of the directory's page. On PostgreSQL a page past the start is found in two steps:
     * the page's {@code rowKey}s (a column of the index, unique in the directory) from the index
     * alone, then the rows that have them; reading whole rows while skipping to the page reads the
     * table once per skipped row there. H2 skips index entries without reading their rows, so it
     * reads the page in one step.
     */
    private Condition onPage(RenderedQuery.Parameters parameters, Condition position, List<? extends OrderField<?>> order,
            Field<?> rowKey, boolean skips) {
        Condition inDirectory = directoryId.eq(parameters.of(DIRECTORY, directoryId.getDataType())).and(position);
        if (!skipsThroughKeys(skips)) {
            return inDirectory;
        }
        return directoryId.eq(parameters.of(DIRECTORY, directoryId.getDataType()))
                .and(keysOfPage(parameters, rowKey, inDirectory, order));
    }

    private <K> Condition keysOfPage(RenderedQuery.Parameters parameters, Field<K> rowKey, Condition inDirectory,
            List<? extends OrderField<?>> order) {
        // = ANY(ARRAY(subquery)): PostgreSQL computes the page's keys once (an InitPlan), whatever its
        // statistics say; an IN (subquery) was planned as a subplan run per row of the directory when
        // the statistics predated a bulk load (27 s per page of a freshly loaded 10,000-user directory).
        return rowKey.eq(DSL.any(DSL.array(limited(DSL.select(rowKey).from(table).where(inDirectory).orderBy(order),
                parameters, true))));
    }

    /** Whether the query that reads the rows still skips the offset: not once {@link #onPage} chose them by key. */
    private boolean skipsInTheRead(boolean skips) {
        return skips && !skipsThroughKeys(skips);
    }

    private boolean skipsThroughKeys(boolean skips) {
        return skips && database.dialect().family() == SQLDialect.POSTGRES;
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
     * from the row kept before, rendered once per shape as a page's statement is (a thousand of them
     * at 100,000 users and a spacing of 100: rendering each took as much CPU as H2's skips). Numbering
     * the whole directory in one statement (a window function) made H2 sort and buffer all of it:
     * about 2 s at 100,000 users, against about a page's cost here.
     */
    @Override
    public <K> List<Keyed<Long, K>> everyNth(String directory, Field<K> key, Keyset from, Function<Keyed<Long, K>, Keyset> after,
            int spacing, Consumer<Keyed<Long, K>> each) {
        List<Keyed<Long, K>> kept = new ArrayList<>();
        Keyset keyset = from;
        while (true) {
            Map<String, Object> values = pageValues(directory, spacing - 1, 1);
            values.putAll(keyset.values());
            Keyset position = keyset;
            Result<Record> rows = anchorReads.of(new KeysetShape(key == null ? null : key.getName(), keyset.shape(), true),
                    () -> everyNth(key, position, new RenderedQuery.Parameters(values)))
                    .fetch(database.dsl(), values);
            if (rows.isEmpty()) {
                return kept;
            }
            Record row = rows.get(0);
            Keyed<Long, K> next = new Keyed<>(seq.getDataType().convert(row.get(0)),
                    key == null ? null : key.getDataType().convert(row.get(1)));
            kept.add(next);
            each.accept(next);
            keyset = after.apply(next);
        }
    }

    private <K> Query everyNth(Field<K> key, Keyset keyset, RenderedQuery.Parameters parameters) {
        SortIndex index = key == null ? null : sortIndexes.get(key.getName());
        List<OrderField<?>> order = keyset.order(key);
        List<OrderField<?>> byIndex;
        if (key == null) {
            byIndex = new ArrayList<>(order);
            byIndex.add(0, directoryId.asc());
        } else {
            byIndex = inIndexOrder(byIndexColumns(index, order));
        }
        Table<?> through = through(key == null ? directorySeqIndex : index == null ? null : index.name());
        return limited(DSL.select(key == null ? List.of(seq) : List.of(seq, key.as("sort_key")))
                .from(through)
                .where(directoryId.eq(parameters.of(DIRECTORY, directoryId.getDataType()))
                        .and(keyset.position(key, uniqueKey(index), parameters)))
                .orderBy(byIndex), parameters, true);
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
     * expression reads the recorded values as it reads the current ones. A walk of the whole
     * directory runs its statement as rendered once per shape; a filtered one, whose filter varies,
     * is rendered on every page.
     */
    @Override
    public <K> List<Keyed<T, K>> walkPage(String directory, long start, Field<K> key, Condition filter, Keyset keyset, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        Map<String, Object> values = pageValues(directory, 0, limit);
        values.put(WALK_START, start);
        values.putAll(keyset.values());
        // The rows and their history as of one moment: a rename seen in the one but not the other
        // would show the row at its new place with no record of the old (RULES.md P31).
        if (!DirectoryListing.matchesEverything(filter)) {
            return database.readInOneSnapshot(dsl -> dsl.fetch(walkPage(key, filter, keyset, new RenderedQuery.Parameters(values)))
                    .map(row -> keyed(row, key)));
        }
        RenderedQuery page = walkPages.of(new KeysetShape(key.getName(), keyset.shape(), false),
                () -> walkPage(key, DSL.noCondition(), keyset, new RenderedQuery.Parameters(values)));
        return database.readInOneSnapshot(dsl -> page.fetch(dsl, values).map(row -> keyed(row, key)));
    }

    private <K> Select<Record> walkPage(Field<K> key, Condition filter, Keyset keyset, RenderedQuery.Parameters parameters) {
        Table<?> change = history.table().as("change");
        Field<String> changeOf = change.field(history.resourceId());
        Field<Long> changeAt = change.field(history.position());
        Condition changedSince = DSL.exists(DSL.selectOne().from(history.table())
                .where(history.resourceId().eq(id), history.position().gt(parameters.of(WALK_START, SQLDataType.BIGINT))));

        SortIndex index = sortIndexes.get(key.getName());
        List<OrderField<?>> byIndex = inIndexOrder(byIndexColumns(index, keyset.order(key)));
        // Positions by sequence too, even for a key unique in the directory: a walk orders by the values
        // as of its start, which a renamed row and the row that took its old value then share.
        Table<?> unchanged = limited(DSL.select(table.fields()).select(key.as("as_of"))
                .from(DirectoryListing.matchesEverything(filter) && index != null ? through(index.name()) : table)
                .where(directoryId.eq(parameters.of(DIRECTORY, directoryId.getDataType())), filter,
                        keyset.position(key, false, parameters), DSL.not(changedSince))
                .orderBy(byIndex), parameters, false)
                .asTable("unchanged");

        // Each resource's first change since the start, found by one grouping over the changes since
        // the start: a per-change NOT EXISTS over the resource's earlier changes is quadratic in the
        // changes of a resource renamed over and over (PostgreSQL ran such a page past the two-instance
        // walk test's 30 s client timeout).
        Table<?> firsts = DSL.select(history.resourceId().as("first_of"), DSL.min(history.position()).as("first_at"))
                .from(history.table())
                .where(history.directoryId().eq(parameters.of(DIRECTORY, directoryId.getDataType())),
                        history.position().gt(parameters.of(WALK_START, SQLDataType.BIGINT)))
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
        Table<?> changed = DSL.select(table.fields()).select(recordedKey.as("as_of"))
                .from(table).join(recorded).on(id.eq(DSL.field(DSL.name("recorded", "changed_id"), String.class)))
                .where(directoryId.eq(parameters.of(DIRECTORY, directoryId.getDataType())), filter,
                        keyset.position(recordedKey, false, parameters))
                .asTable("changed");

        // Named as the resource table, so that its fields read the rows the two parts carry: a join back
        // to the table by id read each row of the page again (BENCHMARKS.md, eighth pass).
        Table<?> walk = DSL.select(DSL.asterisk()).from(unchanged)
                .unionAll(DSL.select(DSL.asterisk()).from(changed))
                .asTable(table.getName());
        Field<K> walkKey = DSL.field(DSL.name(table.getName(), "as_of"), key.getDataType());
        return limited(DSL.select(table.fields()).select(walkKey)
                .from(walk)
                .orderBy(keyset.order(walkKey)), parameters, false);
    }


    /** An index that gives a sort key's order: on (directory, key, seq), or unique on (directory, key). */
    private record SortIndex(String name, boolean uniqueKey, Field<?> key) {
    }

    /** Whether the key of {@code index} (null: none) is unique in the directory, so that orders and positions need no sequence. */
    private static boolean uniqueKey(SortIndex index) {
        return index != null && index.uniqueKey();
    }

    /** {@code order} as the columns of {@code index}: without the sequence where the key is unique in the directory. */
    private List<OrderField<?>> byIndexColumns(SortIndex index, List<OrderField<?>> order) {
        return uniqueKey(index) ? order.stream().filter(field -> !isSeq(field)).toList() : order;
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
