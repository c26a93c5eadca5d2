package io.scimgate.core.directory;

import static io.scimgate.core.store.schema.Tables.DIRECTORY;
import static io.scimgate.core.store.schema.Tables.DIRECTORY_USER;

import io.scimgate.core.directory.internal.DirectoryUserRows;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.core.attributemapping.AttributeMapping;
import io.scimgate.core.attributemapping.ScimDocument;
import io.scimgate.core.store.internal.Database;
import io.scimgate.core.store.internal.Times;
import io.scimgate.core.store.internal.Tx;
import io.scimgate.core.store.schema.tables.records.DirectoryRecord;
import io.scimgate.core.store.schema.tables.records.DirectoryUserRecord;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.Record2;
import org.jooq.Result;

/**
 * Each directory's attribute mapping (RULES.md P27) and the {@code customAttributes} it gives its
 * users. A user's values are computed whenever the directory writes the user; when the mapping
 * changes, every user of the directory is recomputed, {@link #BATCH} users per transaction, and
 * each user whose values changed gets a {@code dsync.user.updated}. Until a user is recomputed,
 * reads compute its values from the current mapping, so no read ever shows the old mapping's.
 */
public final class AttributeMappings {

    static final int BATCH = 500;

    private final Database database;
    private final Clock clock;

    public AttributeMappings(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    /** A mapping with the version it is stored at (0: never set). */
    public record Current(AttributeMapping mapping, long version) {

        static final Current NONE = new Current(AttributeMapping.NONE, 0);

        public ObjectNode apply(JsonNode document) {
            return mapping.apply(document);
        }

        /** The custom attributes of a stored user: as stored when computed with this version, else computed now. */
        public ObjectNode of(DirectoryUser user) {
            if (user.customAttributesVersion() == version && user.customAttributes() != null) {
                return (ObjectNode) ScimDocument.parse(user.customAttributes());
            }
            return apply(ScimDocument.parse(user.attributes()));
        }
    }

    public AttributeMapping get(String directoryId) {
        DSLContext dsl = database.dsl();
        Directories.organizationOf(dsl, directoryId);
        return current(dsl, directoryId).mapping();
    }

    /**
     * Replaces the directory's mapping, then recomputes its users' custom attributes before it
     * answers. The same mapping again changes nothing.
     */
    public AttributeMapping replace(String directoryId, Map<String, String> mapping) {
        AttributeMapping wanted = AttributeMapping.of(mapping);
        boolean changed = database.transaction(tx -> {
            DSLContext dsl = tx.dsl();
            DirectoryRecord directory = dsl.selectFrom(DIRECTORY).where(DIRECTORY.ID.eq(directoryId)).forUpdate()
                    .fetchOptional().orElseThrow(() -> Directories.notFound(directoryId));
            Current current = of(directory);
            if (current.mapping().equals(wanted)) {
                return false; // the same mapping again (or none for none) changes no user
            }
            dsl.update(DIRECTORY)
                    .set(DIRECTORY.ATTRIBUTE_MAPPING, wanted.toJson())
                    .set(DIRECTORY.ATTRIBUTE_MAPPING_VERSION, current.version() + 1)
                    .set(DIRECTORY.UPDATED_AT, Times.now(clock))
                    .where(DIRECTORY.ID.eq(directoryId))
                    .execute();
            tx.tenantChanged(directoryId);
            return true;
        });
        if (changed) {
            recompute(directoryId);
        }
        return wanted;
    }

    /**
     * Brings every user of the directory to the current mapping, in batches, oldest first; the
     * number of users whose custom attributes changed.
     */
    public int recompute(String directoryId) {
        int changed = 0;
        long afterSeq = 0;
        while (true) {
            long from = afterSeq;
            Batch batch = database.transaction(tx -> recomputeBatch(tx, directoryId, from));
            changed += batch.changed();
            if (batch.lastSeq() == null) {
                return changed;
            }
            afterSeq = batch.lastSeq();
        }
    }

    private record Batch(Long lastSeq, int changed) {
    }

    private Batch recomputeBatch(Tx tx, String directoryId, long afterSeq) {
        DSLContext dsl = tx.dsl();
        Current current = current(dsl, directoryId);
        // The next batch is found in index order first and locked by id after: H2 reads the whole rest of
        // the directory for an ordered, limited SELECT ... FOR UPDATE.
        Result<Record2<String, Long>> next = dsl.select(DIRECTORY_USER.ID, DIRECTORY_USER.SEQ)
                .from(DIRECTORY_USER)
                .where(DIRECTORY_USER.DIRECTORY_ID.eq(directoryId), DIRECTORY_USER.SEQ.gt(afterSeq),
                        DIRECTORY_USER.CUSTOM_ATTRIBUTES_VERSION.ne(current.version()))
                .orderBy(DIRECTORY_USER.DIRECTORY_ID, DIRECTORY_USER.SEQ)
                .limit(BATCH)
                .fetch();
        if (next.isEmpty()) {
            return new Batch(null, 0);
        }
        List<DirectoryUserRecord> rows = dsl.selectFrom(DIRECTORY_USER)
                .where(DIRECTORY_USER.ID.in(next.getValues(DIRECTORY_USER.ID)))
                .orderBy(DIRECTORY_USER.SEQ)
                .forUpdate()
                .fetch();
        String organizationId = Directories.organizationOf(dsl, directoryId);
        List<Query> updates = new ArrayList<>();
        int changed = 0;
        for (DirectoryUserRecord row : rows) {
            if (row.getCustomAttributesVersion() == current.version()) {
                continue; // written with the current mapping while this batch was being found
            }
            DirectoryUser before = DirectoryUserRows.toUser(row);
            String values = current.apply(ScimDocument.parse(row.getAttributes())).toString();
            updates.add(dsl.update(DIRECTORY_USER)
                    .set(DIRECTORY_USER.CUSTOM_ATTRIBUTES, values)
                    .set(DIRECTORY_USER.CUSTOM_ATTRIBUTES_VERSION, current.version())
                    .where(DIRECTORY_USER.ID.eq(row.getId())));
            if (!sameValues(before.customAttributes(), values)) {
                row.setCustomAttributes(values);
                row.setCustomAttributesVersion(current.version());
                tx.emit("dsync.user.updated", organizationId, directoryId,
                        DirectoryUserEvents.customAttributesData(before, DirectoryUserRows.toUser(row)));
                changed++;
            }
        }
        if (!updates.isEmpty()) {
            dsl.batch(updates).execute();
        }
        return new Batch(next.get(next.size() - 1).value2(), changed);
    }

    /** Whether two stored values show the same attributes; an attribute without a value is as good as absent. */
    private static boolean sameValues(String stored, String computed) {
        return withoutNulls(stored).equals(withoutNulls(computed));
    }

    private static JsonNode withoutNulls(String values) {
        ObjectNode object = ((ObjectNode) ScimDocument.parse(values)).deepCopy();
        List<String> empty = new ArrayList<>();
        object.fields().forEachRemaining(field -> {
            if (field.getValue().isNull()) {
                empty.add(field.getKey());
            }
        });
        object.remove(empty);
        return object;
    }

    /** The directory's mapping and its version as they are in the store, read inside a transaction. */
    static Current current(DSLContext dsl, String directoryId) {
        return dsl.select(DIRECTORY.ATTRIBUTE_MAPPING, DIRECTORY.ATTRIBUTE_MAPPING_VERSION)
                .from(DIRECTORY).where(DIRECTORY.ID.eq(directoryId))
                .fetchOptional(row -> of(row.value1(), row.value2()))
                .orElse(Current.NONE);
    }

    /**
     * The mapping of a directory row. A row from the tenant cache may be a second behind another
     * instance's change: a user written with it carries the older version, so reads compute its
     * values afresh and no read shows the older mapping's.
     */
    static Current of(DirectoryRecord directory) {
        return of(directory.getAttributeMapping(), directory.getAttributeMappingVersion());
    }

    static Current of(String mapping, Long version) {
        return version == null || version == 0 ? Current.NONE : new Current(AttributeMapping.fromJson(mapping), version);
    }
}
