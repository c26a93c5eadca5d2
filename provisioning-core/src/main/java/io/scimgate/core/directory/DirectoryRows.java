package io.scimgate.core.directory;

import io.scimgate.core.store.Database;
import java.util.ArrayList;
import java.util.List;
import org.jooq.Condition;
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
    private final RecordMapper<R, T> mapper;

    DirectoryRows(Database database, Table<R> table, Field<String> directoryId, Field<Long> seq, RecordMapper<R, T> mapper) {
        this.database = database;
        this.table = table;
        this.directoryId = directoryId;
        this.seq = seq;
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
