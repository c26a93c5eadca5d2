package io.scimgate.core.events;

import static io.scimgate.core.store.schema.Tables.EVENT;
import static io.scimgate.core.store.schema.Tables.EVENT_ORGANIZATION;
import static io.scimgate.core.store.schema.Tables.EVENT_OUTBOX;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.scimgate.core.ErrorCode;
import io.scimgate.core.ScimgateException;
import io.scimgate.core.store.internal.Database;
import io.scimgate.core.store.internal.Outbox;
import io.scimgate.core.store.internal.RenderedInsert;
import io.scimgate.core.store.PendingEvent;
import io.scimgate.core.store.schema.Indexes;
import io.scimgate.core.store.internal.Times;
import io.scimgate.core.store.schema.tables.records.EventOutboxRecord;
import io.scimgate.core.store.schema.tables.records.EventRecord;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event feed (RULES.md P25): events are written to the outbox in the same transaction as each
 * change, moved into the feed with their ids by the {@link EventRelay} right after commit, and read
 * from the feed with a cursor.
 */
public final class Events implements AutoCloseable {

    public static final int MAX_PAGE = 100;
    private static final Logger LOG = LoggerFactory.getLogger(Events.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A transaction's events into the outbox, in one statement (up to RenderedInsert's rows per statement). */
    private static final RenderedInsert<EventOutboxRecord> INSERT = RenderedInsert.returning(EVENT_OUTBOX,
            EVENT_OUTBOX.SEQ, EVENT_OUTBOX.EVENT_TYPE, EVENT_OUTBOX.ORGANIZATION_ID, EVENT_OUTBOX.AUDIENCE,
            EVENT_OUTBOX.DIRECTORY_ID, EVENT_OUTBOX.DATA, EVENT_OUTBOX.CREATED_AT);

    private final Database database;
    private final Clock clock;
    private final List<EventListener> listeners = new CopyOnWriteArrayList<>();
    private final EventRelay relay;

    /** Installs the store's outbox: this writer of events, wrapped by {@code around} (the request journal). */
    public Events(Database database, Clock clock, UnaryOperator<Outbox> around) {
        this.database = database;
        this.clock = clock;
        this.relay = new EventRelay(database, clock, this::deliver);
        database.useOutbox(around.apply(this::write));
    }

    /** Starts publishing committed events; done once, when the core is built. */
    public void start() {
        relay.start();
    }

    /** Publishes what is committed, then stops publishing. */
    @Override
    public void close() {
        relay.close();
    }

    public void addListener(EventListener listener) {
        listeners.add(listener);
    }

    public void removeListener(EventListener listener) {
        listeners.remove(listener);
    }

    /** Events with ids above {@code after}, oldest first; see {@link EventQuery}. */
    public List<Event> list(long after, int limit, Collection<String> types, String organizationId) {
        return list(new EventQuery(after, limit, types, organizationId, null, null));
    }

    /**
     * Events matching {@code query}, oldest first. Everything this instance committed before the
     * call is in the feed by then. Read with an organization, the envelope shows that organization
     * for events that belong to its feed through their audience (a person's change in every
     * organization of the person).
     */
    public List<Event> list(EventQuery query) {
        if (query.limit() < 1 || query.limit() > MAX_PAGE) {
            throw new ScimgateException(ErrorCode.INVALID_LIMIT, "limit must be between 1 and " + MAX_PAGE);
        }
        relay.flush();
        Condition where = DSL.noCondition();
        if (!query.types().isEmpty()) {
            where = where.and(EVENT.EVENT_TYPE.in(query.types()));
        }
        if (query.createdAfter() != null) {
            where = where.and(EVENT.CREATED_AT.ge(OffsetDateTime.ofInstant(query.createdAfter(), ZoneOffset.UTC)));
        }
        if (query.createdBefore() != null) {
            where = where.and(EVENT.CREATED_AT.lt(OffsetDateTime.ofInstant(query.createdBefore(), ZoneOffset.UTC)));
        }
        DSLContext dsl = database.dsl();
        String organizationId = query.organizationId();
        if (organizationId == null) {
            boolean byTime = query.createdAfter() != null || query.createdBefore() != null;
            return dsl.selectFrom(byTime ? byTime(EVENT) : EVENT).where(EVENT.ID.gt(query.after()).and(where))
                    .orderBy(EVENT.ID).limit(query.limit()).fetch(row -> toEvent(row, row.getOrganizationId()));
        }
        return dsl.select(EVENT.fields()).from(EVENT_ORGANIZATION)
                .join(EVENT).on(EVENT.ID.eq(EVENT_ORGANIZATION.EVENT_ID))
                .where(EVENT_ORGANIZATION.ORGANIZATION_ID.eq(organizationId), EVENT_ORGANIZATION.EVENT_ID.gt(query.after()))
                .and(where)
                .orderBy(EVENT_ORGANIZATION.EVENT_ID)
                .limit(query.limit())
                .fetch(row -> toEvent(row.into(EVENT), organizationId));
    }

    /**
     * The feed read through its time index on H2. There the id is the key of the feed's rows, and
     * H2's planner prefers walking them in id order with the time as a filter, reading every event
     * before the window, over the time index it chose while the id had an index of its own (V88;
     * EXPLAIN in BENCHMARKS.md, "Seventh pass"). PostgreSQL plans by its statistics and takes no hint.
     */
    private Table<EventRecord> byTime(Table<EventRecord> feed) {
        return database.dialect().family() == SQLDialect.H2 ? feed.useIndex(Indexes.EVENT_CREATED_IX.getName()) : feed;
    }

    /** Writes a transaction's events to the outbox, in one statement; the relay publishes them after commit. */
    private Runnable write(DSLContext dsl, List<PendingEvent> pending) {
        if (pending.isEmpty()) {
            return () -> { };
        }
        OffsetDateTime now = Times.now(clock);
        List<EventOutboxRecord> rows = new ArrayList<>(pending.size());
        for (PendingEvent event : pending) {
            rows.add(new EventOutboxRecord().setEventType(event.type()).setOrganizationId(event.organizationId())
                    .setAudience(audience(event.audience())).setDirectoryId(event.directoryId()).setData(json(event))
                    .setCreatedAt(now));
        }
        List<Long> seqs = INSERT.executeReturning(dsl, rows, Long.class);
        List<EventRelay.Unpublished> written = new ArrayList<>(pending.size());
        for (int i = 0; i < pending.size(); i++) {
            PendingEvent event = pending.get(i);
            written.add(new EventRelay.Unpublished(seqs.get(i), new Event(0, event.type(), event.organizationId(),
                    event.directoryId(), event.data(), now.toInstant()), rows.get(i).getData(), event.audience()));
        }
        return () -> relay.committed(written);
    }

    private void deliver(List<Event> published) {
        for (Event event : published) {
            for (EventListener listener : listeners) {
                try {
                    listener.onEvent(event);
                } catch (RuntimeException e) {
                    LOG.error("Event listener {} failed on event {} ({})", listener, event.id(), event.event(), e);
                }
            }
        }
    }

    private static String audience(Set<String> organizations) {
        return organizations.isEmpty() ? null : String.join(",", organizations);
    }

    private static String json(PendingEvent event) {
        try {
            return JSON.writeValueAsString(event.data());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Event toEvent(EventRecord row, String organizationId) {
        return new Event(row.getId(), row.getEventType(), organizationId, row.getDirectoryId(), tree(row.getData()),
                Times.instant(row.getCreatedAt()));
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An outbox row, not published yet, for the relay to adopt. */
    static EventRelay.Unpublished unpublished(EventOutboxRecord row) {
        Set<String> audience = row.getAudience() == null ? Set.of()
                : Arrays.stream(row.getAudience().split(",")).collect(Collectors.toUnmodifiableSet());
        Event event = new Event(0, row.getEventType(), row.getOrganizationId(), row.getDirectoryId(), tree(row.getData()),
                Times.instant(row.getCreatedAt()));
        return new EventRelay.Unpublished(row.getSeq(), event, row.getData(), audience);
    }

    /** The envelope consumers receive: {@code {id, event, organizationId, directoryId, data, createdAt}}. */
    public static ObjectNode envelope(Event event) {
        ObjectNode envelope = JSON.createObjectNode()
                .put("id", event.id())
                .put("event", event.event())
                .put("organizationId", event.organizationId())
                .put("directoryId", event.directoryId());
        envelope.set("data", event.data());
        envelope.put("createdAt", event.createdAt().toString());
        return envelope;
    }

    /** The id of the newest published event, or 0 when there is none. */
    public long lastId() {
        relay.flush();
        Long last = database.dsl().select(DSL.max(EVENT.ID)).from(EVENT).fetchOne(0, Long.class);
        return last == null ? 0 : last;
    }

    /** An empty JSON object to fill in as an event's data. */
    public static ObjectNode data() {
        return JSON.createObjectNode();
    }
}
