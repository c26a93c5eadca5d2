package io.scimgate.core.directory;

import static io.scimgate.core.store.schema.Tables.DIRECTORY;
import static io.scimgate.core.store.schema.Tables.DIRECTORY_ATTRIBUTE_MAPPING;
import static io.scimgate.core.store.schema.Tables.DIRECTORY_USER;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.core.attributemapping.AttributeMapping;
import io.scimgate.core.attributemapping.ScimDocument;
import io.scimgate.core.store.Database;
import io.scimgate.core.store.Times;
import io.scimgate.core.store.Tx;
import io.scimgate.core.store.schema.tables.records.DirectoryAttributeMappingRecord;
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
            dsl.selectFrom(DIRECTORY).where(DIRECTORY.ID.eq(directoryId)).forUpdate().fetchOptional()
                    .orElseThrow(() -> Directories.notFound(directoryId));
            Current current = current(dsl, directoryId);
            if (current.mapping().equals(wanted)) {
                return false; // the same mapping again (or none for none) changes no user
            }
            DirectoryAttributeMappingRecord row = new DirectoryAttributeMappingRecord(directoryId, wanted.toJson(),
                    current.version() + 1, Times.now(clock));
            if (current.version() == 0) {
                dsl.executeInsert(row);
            } else {
                dsl.executeUpdate(row);
            }
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
            DirectoryUser before = DirectoryUsers.toUser(row);
            String values = current.apply(ScimDocument.parse(row.getAttributes())).toString();
            updates.add(dsl.update(DIRECTORY_USER)
                    .set(DIRECTORY_USER.CUSTOM_ATTRIBUTES, values)
                    .set(DIRECTORY_USER.CUSTOM_ATTRIBUTES_VERSION, current.version())
                    .where(DIRECTORY_USER.ID.eq(row.getId())));
            if (!sameValues(before.customAttributes(), values)) {
                row.setCustomAttributes(values);
                row.setCustomAttributesVersion(current.version());
                tx.emit("dsync.user.updated", organizationId, directoryId,
                        DirectoryUserEvents.customAttributesData(before, DirectoryUsers.toUser(row)));
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

    /** The directory's mapping and its version, read inside a transaction. */
    public static Current current(DSLContext dsl, String directoryId) {
        return dsl.selectFrom(DIRECTORY_ATTRIBUTE_MAPPING)
                .where(DIRECTORY_ATTRIBUTE_MAPPING.DIRECTORY_ID.eq(directoryId))
                .fetchOptional(row -> new Current(AttributeMapping.fromJson(row.getMapping()), row.getVersion()))
                .orElse(Current.NONE);
    }
}
