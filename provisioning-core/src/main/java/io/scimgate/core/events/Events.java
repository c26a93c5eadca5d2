package io.scimgate.core.events;

import static io.scimgate.core.store.schema.Tables.EVENT;
import static io.scimgate.core.store.schema.Tables.EVENT_COUNTER;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimgate.core.ScimgateException;
import io.scimgate.core.store.Database;
import io.scimgate.core.store.Outbox;
import io.scimgate.core.store.PendingEvent;
import io.scimgate.core.store.Times;
import io.scimgate.core.store.schema.tables.records.EventRecord;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The event log (P25): written in the same transaction as each change, read with a cursor. */
public final class Events implements Outbox {

    public static final int MAX_PAGE = 100;
    private static final Logger LOG = LoggerFactory.getLogger(Events.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database database;
    private final Clock clock;
    private final List<EventListener> listeners = new CopyOnWriteArrayList<>();

    public Events(Database database, Clock clock) {
        this.database = database;
        this.clock = clock;
    }

    public void addListener(EventListener listener) {
        listeners.add(listener);
    }

    public void removeListener(EventListener listener) {
        listeners.remove(listener);
    }

    /**
     * Events with ids above {@code after}, oldest first.
     *
     * @param types only these event types, or all when empty
     * @param organizationId only events of this organization, or all when null
     */
    public List<Event> list(long after, int limit, Collection<String> types, String organizationId) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw ScimgateException.invalid("invalid_limit", "limit must be between 1 and " + MAX_PAGE);
        }
        Condition where = EVENT.ID.gt(after);
        if (types != null && !types.isEmpty()) {
            where = where.and(EVENT.EVENT_TYPE.in(types));
        }
        if (organizationId != null) {
            where = where.and(EVENT.ORGANIZATION_ID.eq(organizationId));
        }
        return database.dsl().selectFrom(EVENT).where(where).orderBy(EVENT.ID).limit(limit).fetch(Events::toEvent);
    }

    @Override
    public Runnable write(DSLContext dsl, List<PendingEvent> pending) {
        if (pending.isEmpty()) {
            return () -> { };
        }
        dsl.update(EVENT_COUNTER)
                .set(EVENT_COUNTER.LAST_ID, EVENT_COUNTER.LAST_ID.plus(pending.size()))
                .where(EVENT_COUNTER.ID.eq(1))
                .execute();
        long last = dsl.select(EVENT_COUNTER.LAST_ID).from(EVENT_COUNTER).where(EVENT_COUNTER.ID.eq(1)).fetchSingle().value1();
        long id = last - pending.size();
        OffsetDateTime now = Times.now(clock);
        List<EventRecord> rows = new ArrayList<>(pending.size());
        for (PendingEvent event : pending) {
            rows.add(new EventRecord()
                    .setId(++id)
                    .setEventType(event.type())
                    .setOrganizationId(event.organizationId())
                    .setDirectoryId(event.directoryId())
                    .setData(json(event))
                    .setCreatedAt(now));
        }
        dsl.batchInsert(rows).execute();
        List<Event> written = rows.stream().map(Events::toEvent).toList();
        return () -> deliver(written);
    }

    private void deliver(List<Event> written) {
        for (Event event : written) {
            for (EventListener listener : listeners) {
                try {
                    listener.onEvent(event);
                } catch (RuntimeException e) {
                    LOG.error("Event listener {} failed on event {} ({})", listener, event.id(), event.event(), e);
                }
            }
        }
    }

    private static String json(PendingEvent event) {
        try {
            return JSON.writeValueAsString(event.data());
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Event toEvent(EventRecord row) {
        try {
            return new Event(row.getId(), row.getEventType(), row.getOrganizationId(), row.getDirectoryId(),
                    JSON.readTree(row.getData()), Times.instant(row.getCreatedAt()));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The envelope consumers receive: {@code {id, event, organizationId, directoryId, data, createdAt}}. */
    public static com.fasterxml.jackson.databind.node.ObjectNode envelope(Event event) {
        com.fasterxml.jackson.databind.node.ObjectNode envelope = JSON.createObjectNode()
                .put("id", event.id())
                .put("event", event.event())
                .put("organizationId", event.organizationId())
                .put("directoryId", event.directoryId());
        envelope.set("data", event.data());
        envelope.put("createdAt", event.createdAt().toString());
        return envelope;
    }

    /** The id of the newest event, or 0 when there is none. */
    public long lastId() {
        Long last = database.dsl().select(DSL.max(EVENT.ID)).from(EVENT).fetchOne(0, Long.class);
        return last == null ? 0 : last;
    }

    /** An empty JSON object to fill in as an event's data. */
    public static com.fasterxml.jackson.databind.node.ObjectNode data() {
        return JSON.createObjectNode();
    }

}
