package io.scimgate.core.directory;

import io.scimgate.core.store.Database;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.OrderField;
import org.jooq.RecordMapper;
import org.jooq.Table;
import org.jooq.TableRecord;

/** The {@link DirectoryListing} of one table (directory users, or directory groups). */
final class DirectoryRows<R extends TableRecord<R>, T> implements DirectoryListing<T> {

    private final Database database;
    private final Table<R> table;
    private final Field<String> directoryId;
    private final Field<Long> seq;
    private final String directorySeqIndex;
    private final RecordMapper<R, T> mapper;

    /** @param directorySeqIndex the name of the index on (directory id, seq) */
    DirectoryRows(Database database, Table<R> table, Field<String> directoryId, Field<Long> seq, String directorySeqIndex,
            RecordMapper<R, T> mapper) {
        this.database = database;
        this.table = table;
        this.directoryId = directoryId;
        this.seq = seq;
        this.directorySeqIndex = directorySeqIndex;
        this.mapper = mapper;
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
    public List<T> list(String directory, Condition filter, List<? extends OrderField<?>> order, int offset, int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return database.dsl().selectFrom(table).where(directoryId.eq(directory).and(filter))
                .orderBy(order).offset(offset).limit(limit).fetch(mapper);
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
        DSLContext dsl = database.dsl();
        Table<?> from = database.dialect().family() == SQLDialect.H2
                ? DSL.table("{0} USE INDEX ({1})", table, DSL.name(directorySeqIndex))
                : table;
        return dsl.select(table.fields()).from(from)
                .where(directoryId.eq(directory).and(position))
                .orderBy(descending ? directoryId.desc() : directoryId.asc(), descending ? seq.desc() : seq.asc())
                .offset(offset).limit(limit)
                .fetch(row -> mapper.map(row.into(table)));
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
                .orderBy(order)
                .limit(limit)
                .fetch(row -> new Keyed<>(mapper.map(row.into(table)), row.get(sortKey)));
    }
}
