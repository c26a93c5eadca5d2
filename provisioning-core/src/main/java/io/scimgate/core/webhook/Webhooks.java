package io.scimgate.core.webhook;

import static io.scimgate.core.store.schema.Tables.WEBHOOK_DELIVERY;
import static io.scimgate.core.store.schema.Tables.WEBHOOK_ENDPOINT;
import static io.scimgate.core.store.schema.Tables.WEBHOOK_RESEND;

import io.scimgate.core.ErrorCode;
import io.scimgate.core.ScimgateException;
import io.scimgate.core.events.Event;
import io.scimgate.core.events.EventTypes;
import io.scimgate.core.events.Events;
import io.scimgate.core.organization.internal.OrganizationRows;
import io.scimgate.core.store.internal.Database;
import io.scimgate.core.store.internal.Ids;
import io.scimgate.core.store.internal.Times;
import io.scimgate.core.store.schema.tables.records.WebhookEndpointRecord;
import io.scimgate.core.token.SecretTokens;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Webhook endpoints: where events are posted, signed (P25). An endpoint receives the events that
 * happen after it was created, optionally only of some types or of one organization.
 */
public final class Webhooks {

    public static final String SECRET_PREFIX = "whsec_";

    private final Database database;
    private final Clock clock;
    private final Events events;

    public Webhooks(Database database, Clock clock, Events events) {
        this.database = database;
        this.clock = clock;
        this.events = events;
    }

    public CreatedWebhook create(String url, String organizationId, List<String> eventTypes) {
        String checkedUrl = checkUrl(url);
        String secret = SecretTokens.generate(SECRET_PREFIX);
        List<String> types = eventTypes == null ? List.of()
                : eventTypes.stream().map(type -> type == null ? "" : type.trim()).filter(type -> !type.isEmpty())
                        .distinct().toList();
        Set<String> unknown = EventTypes.unknown(types);
        if (!unknown.isEmpty()) {
            throw new ScimgateException(ErrorCode.UNKNOWN_EVENT_TYPE, "Unknown event type" + (unknown.size() > 1 ? "s " : " ")
                    + String.join(", ", unknown) + "; the event types are " + String.join(", ", new TreeSet<>(EventTypes.ALL)));
        }
        // Read before the transaction: the feed's cursor waits for the relay, which needs a connection.
        long cursor = events.lastId();
        return database.transaction(tx -> {
            if (organizationId != null) {
                OrganizationRows.requireExists(tx.dsl(), organizationId);
            }
            OffsetDateTime now = Times.now(clock);
            WebhookEndpointRecord row = new WebhookEndpointRecord()
                    .setId(Ids.newId())
                    .setUrl(checkedUrl)
                    .setSecret(secret)
                    .setOrganizationId(organizationId)
                    .setEventTypes(types.isEmpty() ? null : String.join(",", types))
                    .setCursorEventId(cursor)
                    .setAttempts(0)
                    .setCreatedAt(now)
                    .setUpdatedAt(now);
            tx.dsl().executeInsert(row);
            return new CreatedWebhook(toEndpoint(row), secret);
        });
    }

    public List<WebhookEndpoint> list() {
        return database.dsl().selectFrom(WEBHOOK_ENDPOINT).orderBy(WEBHOOK_ENDPOINT.CREATED_AT, WEBHOOK_ENDPOINT.ID)
                .fetch(Webhooks::toEndpoint);
    }

    public WebhookEndpoint get(String id) {
        return database.dsl().fetchOptional(WEBHOOK_ENDPOINT, WEBHOOK_ENDPOINT.ID.eq(id)).map(Webhooks::toEndpoint)
                .orElseThrow(() -> notFound(id));
    }

    public void delete(String id) {
        int deleted = database.transaction(tx -> tx.dsl().deleteFrom(WEBHOOK_ENDPOINT).where(WEBHOOK_ENDPOINT.ID.eq(id)).execute());
        if (deleted == 0) {
            throw notFound(id);
        }
    }

    /**
     * Queues an event the endpoint already handled (delivered or given up) to be posted to it again,
     * ahead of the events after its cursor, and makes the endpoint due now. Asking again while it
     * is queued changes nothing. Only an event the endpoint receives at all (its types and
     * organization) can be resent; one after its cursor is still on its way and is refused.
     */
    public WebhookResend resend(String endpointId, long eventId) {
        WebhookEndpointRecord endpoint = database.dsl().fetchOptional(WEBHOOK_ENDPOINT, WEBHOOK_ENDPOINT.ID.eq(endpointId))
                .orElseThrow(() -> notFound(endpointId));
        if (!firstIs(eventId, events.list(eventId - 1, 1, types(endpoint), endpoint.getOrganizationId()))) {
            throw firstIs(eventId, events.list(eventId - 1, 1, List.of(), null))
                    ? new ScimgateException(ErrorCode.EVENT_NOT_FOR_ENDPOINT, "Event " + eventId
                            + " is of a type or organization this endpoint does not receive")
                    : new ScimgateException(ErrorCode.EVENT_NOT_FOUND, "No event with id " + eventId);
        }
        if (eventId > endpoint.getCursorEventId()) {
            throw new ScimgateException(ErrorCode.EVENT_NOT_SENT_YET, "Event " + eventId
                    + " has not been sent to this endpoint yet: it goes out in order after event " + endpoint.getCursorEventId());
        }
        OffsetDateTime now = Times.now(clock);
        return database.transaction(tx -> {
            // Locked, so that an endpoint deleted meanwhile is a 404, not a foreign-key failure.
            tx.dsl().selectFrom(WEBHOOK_ENDPOINT).where(WEBHOOK_ENDPOINT.ID.eq(endpointId)).forUpdate()
                    .fetchOptional().orElseThrow(() -> notFound(endpointId));
            tx.dsl().insertInto(WEBHOOK_RESEND)
                    .set(WEBHOOK_RESEND.ENDPOINT_ID, endpointId)
                    .set(WEBHOOK_RESEND.EVENT_ID, eventId)
                    .set(WEBHOOK_RESEND.REQUESTED_AT, now)
                    .onConflictDoNothing()
                    .execute();
            tx.dsl().update(WEBHOOK_ENDPOINT).set(WEBHOOK_ENDPOINT.NEXT_ATTEMPT_AT, now)
                    .where(WEBHOOK_ENDPOINT.ID.eq(endpointId)).execute();
            OffsetDateTime requestedAt = tx.dsl().select(WEBHOOK_RESEND.REQUESTED_AT).from(WEBHOOK_RESEND)
                    .where(WEBHOOK_RESEND.ENDPOINT_ID.eq(endpointId), WEBHOOK_RESEND.EVENT_ID.eq(eventId))
                    .fetchSingle(WEBHOOK_RESEND.REQUESTED_AT);
            return new WebhookResend(endpointId, eventId, Times.instant(requestedAt));
        });
    }

    private static boolean firstIs(long eventId, List<Event> listed) {
        return !listed.isEmpty() && listed.get(0).id() == eventId;
    }

    /** The latest delivery attempts of an endpoint, newest first. */
    public List<WebhookAttempt> attempts(String id, int limit) {
        get(id);
        return database.dsl().selectFrom(WEBHOOK_DELIVERY).where(WEBHOOK_DELIVERY.ENDPOINT_ID.eq(id))
                .orderBy(WEBHOOK_DELIVERY.SEQ.desc()).limit(Math.max(1, Math.min(limit, 100)))
                .fetch(row -> new WebhookAttempt(row.getEventId(), row.getAttempt(), row.getOutcome(), row.getStatusCode(),
                        row.getError(), Times.instant(row.getCreatedAt())));
    }

    private static String checkUrl(String url) {
        try {
            URI uri = new URI(url == null ? "" : url.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
                throw invalidUrl(url);
            }
            return uri.toString();
        } catch (URISyntaxException e) {
            throw invalidUrl(url);
        }
    }

    private static ScimgateException invalidUrl(String url) {
        return new ScimgateException(ErrorCode.INVALID_URL, "A webhook needs an absolute http(s) URL, not '" + url + "'");
    }

    public static ScimgateException notFound(String id) {
        return new ScimgateException(ErrorCode.WEBHOOK_NOT_FOUND, "No webhook endpoint with id " + id);
    }

    static List<String> types(WebhookEndpointRecord row) {
        return row.getEventTypes() == null ? List.of() : Arrays.asList(row.getEventTypes().split(","));
    }

    static WebhookEndpoint toEndpoint(WebhookEndpointRecord row) {
        return new WebhookEndpoint(row.getId(), row.getUrl(), row.getOrganizationId(), types(row),
                row.getCursorEventId(), row.getAttempts(), Times.instant(row.getNextAttemptAt()), row.getLastError(),
                Times.instant(row.getCreatedAt()));
    }
}
