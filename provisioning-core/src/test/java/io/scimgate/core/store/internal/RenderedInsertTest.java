package io.scimgate.core.store.internal;

import static io.scimgate.core.store.schema.Tables.EVENT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimgate.core.CoreInternals;
import io.scimgate.core.store.schema.tables.records.EventRecord;
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
    private static final RenderedInsert<EventRecord> EVENTS = RenderedInsert.returning(EVENT, EVENT.SEQ,
            EVENT.EVENT_TYPE, EVENT.ORGANIZATION_ID, EVENT.DATA, EVENT.CREATED_AT);

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

    private static List<EventRecord> events(int count) {
        OffsetDateTime now = OffsetDateTime.of(2026, 11, 30, 12, 0, 0, 0, ZoneOffset.UTC);
        List<EventRecord> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(new EventRecord().setEventType(TYPE).setOrganizationId(i % 2 == 0 ? "org-" + i : null)
                    .setData("{\"n\":" + i + "}").setCreatedAt(now));
        }
        return rows;
    }

    @Test
    void moreRowsThanOneStatementTakesAreAllInsertedAndEachReturnedValueBelongsToItsRow() {
        int count = 2 * RenderedInsert.MAX_ROWS_PER_STATEMENT + 3;
        List<EventRecord> rows = events(count);

        List<Long> seqs = CoreInternals.database(test.core()).transaction(tx -> EVENTS.executeReturning(tx.dsl(), rows, Long.class));

        assertEquals(count, seqs.size());
        for (int i = 0; i < count; i++) {
            EventRecord stored = dsl.selectFrom(EVENT).where(EVENT.SEQ.eq(seqs.get(i))).fetchSingle();
            assertEquals("{\"n\":" + i + "}", stored.getData(), "the value returned for row " + i);
            assertEquals(i % 2 == 0 ? "org-" + i : null, stored.getOrganizationId());
            if (i > 0) {
                assertTrue(seqs.get(i) > seqs.get(i - 1), "returned values in ascending order");
            }
        }
    }

    @Test
    void columnsNotListedAreNotWritten() {
        EventRecord row = events(1).get(0).setDirectoryId("set but not listed");

        long seq = CoreInternals.database(test.core()).transaction(tx -> EVENTS.executeReturning(tx.dsl(), List.of(row), Long.class)).get(0);

        assertNull(dsl.select(EVENT.DIRECTORY_ID).from(EVENT).where(EVENT.SEQ.eq(seq)).fetchSingle(EVENT.DIRECTORY_ID));
    }

    @Test
    void aRefusedRowLeavesNoneOfItsStatementBehind() {
        List<EventRecord> rows = events(3);
        rows.get(2).setData(null);

        assertThrows(DataAccessException.class, () -> CoreInternals.database(test.core()).transaction(
                tx -> EVENTS.executeReturning(tx.dsl(), rows, Long.class)));

        assertEquals(0, dsl.fetchCount(EVENT, EVENT.EVENT_TYPE.eq(TYPE)));
    }

    @Test
    void anInsertDeclaredWithoutAReturnedColumnRefusesToReturnOne() {
        RenderedInsert<EventRecord> withoutSeq = RenderedInsert.of(EVENT, EVENT.EVENT_TYPE, EVENT.DATA, EVENT.CREATED_AT);

        assertThrows(IllegalStateException.class, () -> withoutSeq.executeReturning(dsl, events(1), Long.class));
        assertEquals(0, dsl.fetchCount(EVENT, EVENT.EVENT_TYPE.eq(TYPE)));
    }

    @Test
    void inlineValuesOfATemplateAreNotParameters() {
        RenderedQuery typed = RenderedQuery.of(DSL.update(EVENT).set(EVENT.EVENT_TYPE, DSL.inline(TYPE))
                .set(EVENT.DIRECTORY_ID, DSL.inline((String) null))
                .where(EVENT.SEQ.eq(DSL.param("seq", Long.class))), "seq");

        assertEquals(0, typed.execute(dsl, -1L));
    }
}
