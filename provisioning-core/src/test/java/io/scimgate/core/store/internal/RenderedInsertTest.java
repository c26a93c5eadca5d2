package io.scimgate.core.store.internal;

import static io.scimgate.core.store.schema.Tables.EVENT_OUTBOX;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimgate.core.CoreInternals;
import io.scimgate.core.store.schema.tables.records.EventOutboxRecord;
import io.scimgate.core.testing.TestCore;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RenderedInsertTest {

    /** A type of these tests alone. */
    private static final String TYPE = "test.rendered_insert";
    private static final RenderedInsert<EventOutboxRecord> EVENTS = RenderedInsert.returning(EVENT_OUTBOX, EVENT_OUTBOX.SEQ,
            EVENT_OUTBOX.EVENT_TYPE, EVENT_OUTBOX.ORGANIZATION_ID, EVENT_OUTBOX.DATA, EVENT_OUTBOX.CREATED_AT);

    private TestCore test;
    private DSLContext dsl;

    @BeforeEach
    void start() {
        test = TestCore.start();
        dsl = CoreInternals.database(test.core()).dsl();
    }

    @AfterEach
    void stop() {
        test.close();
    }

    private static List<EventOutboxRecord> events(int count) {
        OffsetDateTime now = OffsetDateTime.of(2026, 11, 30, 12, 0, 0, 0, ZoneOffset.UTC);
        List<EventOutboxRecord> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(new EventOutboxRecord().setEventType(TYPE).setOrganizationId(i % 2 == 0 ? "org-" + i : null)
                    .setData("{\"n\":" + i + "}").setCreatedAt(now));
        }
        return rows;
    }

    @Test
    void moreRowsThanOneStatementTakesAreAllInsertedAndEachReturnedValueBelongsToItsRow() {
        int count = 2 * RenderedInsert.MAX_ROWS_PER_STATEMENT + 3;
        List<EventOutboxRecord> rows = events(count);

        List<Long> seqs = CoreInternals.database(test.core()).transaction(tx -> EVENTS.executeReturning(tx.dsl(), rows, Long.class));

        assertEquals(count, seqs.size());
        for (int i = 0; i < count; i++) {
            EventOutboxRecord stored = dsl.selectFrom(EVENT_OUTBOX).where(EVENT_OUTBOX.SEQ.eq(seqs.get(i))).fetchSingle();
            assertEquals("{\"n\":" + i + "}", stored.getData(), "the value returned for row " + i);
            assertEquals(i % 2 == 0 ? "org-" + i : null, stored.getOrganizationId());
            if (i > 0) {
                assertTrue(seqs.get(i) > seqs.get(i - 1), "returned values in ascending order");
            }
        }
    }

    @Test
    void columnsNotListedAreNotWritten() {
        EventOutboxRecord row = events(1).get(0).setDirectoryId("set but not listed");

        long seq = CoreInternals.database(test.core()).transaction(tx -> EVENTS.executeReturning(tx.dsl(), List.of(row), Long.class)).get(0);

        assertNull(dsl.select(EVENT_OUTBOX.DIRECTORY_ID).from(EVENT_OUTBOX).where(EVENT_OUTBOX.SEQ.eq(seq)).fetchSingle(EVENT_OUTBOX.DIRECTORY_ID));
    }

    @Test
    void aRefusedRowLeavesNoneOfItsStatementBehind() {
        List<EventOutboxRecord> rows = events(3);
        rows.get(2).setData(null);

        assertThrows(DataAccessException.class, () -> CoreInternals.database(test.core()).transaction(
                tx -> EVENTS.executeReturning(tx.dsl(), rows, Long.class)));

        assertEquals(0, dsl.fetchCount(EVENT_OUTBOX, EVENT_OUTBOX.EVENT_TYPE.eq(TYPE)));
    }

    @Test
    void anInsertDeclaredWithoutAReturnedColumnRefusesToReturnOne() {
        RenderedInsert<EventOutboxRecord> withoutSeq = RenderedInsert.of(EVENT_OUTBOX, EVENT_OUTBOX.EVENT_TYPE, EVENT_OUTBOX.DATA, EVENT_OUTBOX.CREATED_AT);

        assertThrows(IllegalStateException.class, () -> withoutSeq.executeReturning(dsl, events(1), Long.class));
        assertEquals(0, dsl.fetchCount(EVENT_OUTBOX, EVENT_OUTBOX.EVENT_TYPE.eq(TYPE)));
    }

    @Test
    void inlineValuesOfATemplateAreNotParameters() {
        RenderedQuery typed = RenderedQuery.of(DSL.update(EVENT_OUTBOX).set(EVENT_OUTBOX.EVENT_TYPE, DSL.inline(TYPE))
                .set(EVENT_OUTBOX.DIRECTORY_ID, DSL.inline((String) null))
                .where(EVENT_OUTBOX.SEQ.eq(DSL.param("seq", Long.class))), "seq");

        assertEquals(0, typed.execute(dsl, -1L));
    }
}
