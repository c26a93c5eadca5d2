package io.scimgate.core.directory.internal;

import static io.scimgate.core.store.schema.Tables.DIRECTORY_GROUP;
import static io.scimgate.core.store.schema.Tables.DIRECTORY_GROUP_MEMBER;
import static io.scimgate.core.store.schema.Tables.DIRECTORY_USER;
import static io.scimgate.core.store.schema.Tables.DIRECTORY_USER_EMAIL;
import static io.scimgate.core.store.schema.Tables.DIRECTORY_USER_TALLY;
import static io.scimgate.core.store.schema.Tables.ORGANIZATION_MEMBERSHIP;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.core.events.Event;
import io.scimgate.core.events.EventListener;
import io.scimgate.core.store.internal.BackgroundLoop;
import io.scimgate.core.store.internal.Database;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jooq.DSLContext;
import org.jooq.Select;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps PostgreSQL's planner statistics in step with a directory, or a group, that grows fast.
 *
 * <p>PostgreSQL plans every read of a directory from the statistics its last {@code ANALYZE} took.
 * A directory created after that, then filled by an initial sync, is a directory of one row to the
 * planner until autovacuum analyzes the table again, which it does only once a tenth of the
 * <em>whole</em> table changed, at most once a minute, and slowly. Meanwhile the plans chosen for
 * one row were measured at seconds per statement (BENCHMARKS.md, "Eighth pass: the planner's
 * statistics"): the first sorted page of a 100,000-user directory walked it once per row (25 s);
 * adding 1,000 members to a 60,000-member group read the whole group against each id (1.5 s,
 * until a request ran out of its time budget).
 *
 * <p>So this listener counts, per directory, the users this instance created and, per group, the
 * members it added. Each time one of those counts doubles (from {@link #FIRST_CHECK}), a background
 * round compares what the planner expects with what the store holds (the directory's tally, the
 * group's member count); when the planner expects less than half, it analyzes the tables those
 * reads use. The comparison asks PostgreSQL itself ({@code EXPLAIN}), so instances need not agree
 * on who analyzed last, and a restart costs one comparison at most per directory it writes to.
 * H2 needs none of this: it analyzes a table itself after every 2,000 changed rows.
 */
public final class PlannerStatistics implements EventListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PlannerStatistics.class);

    /** Below this size any plan is fast enough; the first comparison is made when a count reaches it. */
    static final long FIRST_CHECK = 1_000;
    /** Counts kept at most; beyond, they start again (a comparison comes later, never wrongly). */
    private static final int MAX_COUNTED = 10_000;
    private static final Duration IDLE_ROUND = Duration.ofMinutes(5);

    private static final List<Table<?>> DIRECTORY_TABLES = List.of(DIRECTORY_USER, DIRECTORY_USER_EMAIL,
            ORGANIZATION_MEMBERSHIP);
    private static final List<Table<?>> GROUP_TABLES = List.of(DIRECTORY_GROUP_MEMBER);

    /** What grew: a directory's users or a group's members. */
    private record Grown(boolean group, String id) {
    }

    private final Database database;
    private final long firstCheck;
    private final Map<Grown, AtomicLong> counts = new ConcurrentHashMap<>();
    private final Set<Grown> toCompare = ConcurrentHashMap.newKeySet();
    private final BackgroundLoop loop;

    public PlannerStatistics(Database database) {
        this(database, FIRST_CHECK);
    }

    PlannerStatistics(Database database, long firstCheck) {
        this.database = database;
        this.firstCheck = firstCheck;
        this.loop = new BackgroundLoop("scimgate-planner-statistics", IDLE_ROUND, this::compareGrown);
    }

    /** Whether the store needs it: PostgreSQL does, H2 does not. */
    public static boolean isNeededFor(Database database) {
        return database.dialect().family() == org.jooq.SQLDialect.POSTGRES;
    }

    public void start() {
        loop.start();
    }

    @Override
    public void onEvent(Event event) {
        switch (event.event()) {
            case "dsync.user.created" -> {
                if (event.directoryId() != null) {
                    count(new Grown(false, event.directoryId()));
                }
            }
            case "dsync.group.user_added" -> {
                JsonNode groupId = event.data() == null ? null : event.data().path("group").get("id");
                if (groupId != null && groupId.isTextual()) {
                    count(new Grown(true, groupId.asText()));
                }
            }
            default -> {
            }
        }
    }

    private void count(Grown grown) {
        if (counts.size() >= MAX_COUNTED && !counts.containsKey(grown)) {
            counts.clear();
        }
        long count = counts.computeIfAbsent(grown, key -> new AtomicLong()).incrementAndGet();
        // 1,000, 2,000, 4,000, …: a power of two times the first check.
        if (count >= firstCheck && count % firstCheck == 0 && Long.bitCount(count / firstCheck) == 1) {
            toCompare.add(grown);
            loop.wake();
        }
    }

    private void compareGrown() {
        for (Grown grown : List.copyOf(toCompare)) {
            toCompare.remove(grown);
            DSLContext dsl = database.dsl();
            long held = grown.group() ? membersOf(dsl, grown.id()) : usersOf(dsl, grown.id());
            long expected = grown.group()
                    ? expectedRows(dsl, DSL.selectOne().from(DIRECTORY_GROUP_MEMBER)
                            .where(DIRECTORY_GROUP_MEMBER.GROUP_ID.eq(grown.id())))
                    : expectedRows(dsl, DSL.selectOne().from(DIRECTORY_USER)
                            .where(DIRECTORY_USER.DIRECTORY_ID.eq(grown.id())));
            if (held >= firstCheck && expected < held / 2) {
                List<Table<?>> tables = grown.group() ? GROUP_TABLES : DIRECTORY_TABLES;
                LOG.debug("{} {}: the planner expects {} rows of {}; analyzing {}", grown.group() ? "Group" : "Directory",
                        grown.id(), expected, held, tables);
                for (Table<?> table : tables) {
                    dsl.execute("analyze {0}", table);
                }
            }
        }
    }

    private static long usersOf(DSLContext dsl, String directoryId) {
        BigDecimal users = dsl.select(DSL.sum(DIRECTORY_USER_TALLY.USERS)).from(DIRECTORY_USER_TALLY)
                .where(DIRECTORY_USER_TALLY.DIRECTORY_ID.eq(directoryId)).fetchOne(0, BigDecimal.class);
        return users == null ? 0 : users.longValue();
    }

    private static long membersOf(DSLContext dsl, String groupId) {
        Integer members = dsl.select(DIRECTORY_GROUP.MEMBER_COUNT).from(DIRECTORY_GROUP)
                .where(DIRECTORY_GROUP.ID.eq(groupId)).fetchOne(DIRECTORY_GROUP.MEMBER_COUNT);
        return members == null ? 0 : members;
    }

    /** The rows the planner expects {@code select} to return, with the value it will be given. */
    private static long expectedRows(DSLContext dsl, Select<?> select) {
        return Math.round(dsl.explain(select).rows());
    }

    @Override
    public void close() {
        loop.close();
    }
}
