package io.scimgate.core.directory.internal;

import io.scimgate.core.directory.Keyed;
import io.scimgate.core.directory.SortHistory;
import io.scimgate.core.directory.query.InvalidQueryException;
import io.scimgate.core.directory.query.Paging;
import io.scimgate.core.directory.query.ResultPage;
import io.scimgate.core.store.internal.RenderedQuery;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;
import org.jooq.Condition;
import org.jooq.Field;
import org.jooq.OrderField;
import org.jooq.SortField;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pages a directory's resources. Index pages use OFFSET over a stable order (the sort key, then
 * insertion sequence); those of the whole directory skip from the nearest of the order's anchors
 * when they are current ({@link OrderAnchors}). Cursor pages use the keyset of the same order: a page starts strictly after
 * the (sort key, sequence) of the last row the client saw, so rows created or deleted meanwhile
 * never make a walk repeat a row or skip one that existed throughout.
 */
final class Pager<R> {

    private static final Logger LOG = LoggerFactory.getLogger(Pager.class);
    /** The values a position's parameters take: the sort key and sequence of the row a page starts after. */
    private static final String AFTER_KEY = "after_key";
    private static final String AFTER_SEQ = "after_seq";

    private final DirectoryListing<R> rows;
    private final Field<Long> seq;
    private final ToLongFunction<R> seqOf;
    private final OrderAnchors anchors = new OrderAnchors();

    Pager(DirectoryListing<R> rows, Field<Long> seq, ToLongFunction<R> seqOf) {
        this.rows = rows;
        this.seq = seq;
        this.seqOf = seqOf;
    }

    /** @param query a fingerprint of filter and sort, carried in cursors */
    ResultPage<R> page(String directoryId, Condition filter, SortKey sort, Paging paging, String query) {
        if (!LOG.isTraceEnabled()) {
            return read(directoryId, filter, sort, paging, query);
        }
        long started = System.nanoTime();
        ResultPage<R> page = read(directoryId, filter, sort, paging, query);
        LOG.trace("{} page of directory {} in order '{}'{} read in {} us", paging instanceof Paging.ByIndex ? "Index" : "Cursor",
                directoryId, orderName(sort), DirectoryListing.matchesEverything(filter) ? "" : ", filtered", (System.nanoTime() - started) / 1000);
        return page;
    }

    private ResultPage<R> read(String directoryId, Condition filter, SortKey sort, Paging paging, String query) {
        boolean wholeDirectory = DirectoryListing.matchesEverything(filter);
        if (paging instanceof Paging.ByIndex spec) {
            if (wholeDirectory && spec.count() > 0) {
                return wholeDirectoryPage(directoryId, sort, spec);
            }
            if (!wholeDirectory && spec.count() > 0) {
                return filteredPage(directoryId, filter, sort, spec);
            }
            int total = wholeDirectory ? rows.size(directoryId).rows() : rows.count(directoryId, filter);
            return new ResultPage<>(List.of(), total, spec.startIndex(), null, null);
        }
        int total = wholeDirectory ? rows.size(directoryId).rows() : rows.count(directoryId, filter);
        Paging.ByCursor spec = (Paging.ByCursor) paging;
        Cursor from = spec.cursor().isBlank() ? null : Cursor.decode(spec.cursor().strip(), query);
        boolean backward = from != null && from.backward();
        Walk walk = sort == null ? Walk.NONE : from == null ? Walk.start(rows.walkStart(directoryId)) : Walk.of(from);
        List<? extends Keyed<R, ?>> fetched = sort == null
                ? inInsertionOrder(directoryId, wholeDirectory ? null : filter, from, spec.count() + 1)
                : inSortOrderAsOf(directoryId, wholeDirectory ? DSL.noCondition() : filter, sort, from, walk, spec.count() + 1);
        boolean more = fetched.size() > spec.count();
        List<Keyed<R, ?>> page = new ArrayList<>(fetched.subList(0, Math.min(spec.count(), fetched.size())));
        if (backward) {
            Collections.reverse(page);
        }
        String next = null;
        String previous = null;
        if (!page.isEmpty()) {
            Keyed<R, ?> first = page.get(0);
            Keyed<R, ?> last = page.get(page.size() - 1);
            if (backward || more) {
                next = cursor(false, last, sort, query, walk);
            }
            if (backward ? more : from != null) {
                previous = cursor(true, first, sort, query, walk);
            }
        }
        return new ResultPage<>(page.stream().map(Keyed::item).toList(), total, null, next, previous);
    }

    /**
     * A filtered index page: its matches skipped by OFFSET (no anchors), then counted unless the page
     * itself tells their number: a page that is not full and starts within the matches ends them. A
     * lookup ({@code userName eq}, {@code externalId eq}) then takes one statement instead of two.
     */
    private ResultPage<R> filteredPage(String directoryId, Condition filter, SortKey sort, Paging.ByIndex spec) {
        int offset = spec.startIndex() - 1;
        List<R> items = rows.list(directoryId, filter, order(sort, false), offset, spec.count());
        boolean endsTheMatches = items.size() < spec.count() && (offset == 0 || !items.isEmpty());
        int total = endsTheMatches ? offset + items.size() : rows.count(directoryId, filter);
        return new ResultPage<>(items, total, spec.startIndex(), null, null);
    }

    /**
     * An index page of the whole directory: exactly the rows OFFSET over the current order gives. Past
     * the first anchor, it starts from the nearest anchor of the order (RULES.md P32) and is kept only
     * if the directory's order version, read after it together with the total, is the anchors' one;
     * else, or without anchors, it skips from the directory's start.
     */
    private ResultPage<R> wholeDirectoryPage(String directoryId, SortKey sort, Paging.ByIndex spec) {
        int offset = spec.startIndex() - 1;
        String order = orderName(sort);
        OrderAnchors.Taken taken = offset >= OrderAnchors.SPACING ? anchors.built(directoryId, order) : null;
        OrderAnchors.Anchor from = taken == null ? null : taken.before(offset);
        if (from != null) {
            if (offset - from.position() >= OrderAnchors.SPACING && LOG.isDebugEnabled()) {
                LOG.debug("Index page of directory {} in order '{}' skips {} rows from the last anchor taken so far", directoryId,
                        order, offset - from.position());
            }
            List<R> items = inOrder(directoryId, sort, from, (int) (offset - from.position()), spec.count());
            DirectorySize size = rows.size(directoryId);
            if (Long.valueOf(taken.version()).equals(size.orderVersion())) {
                return new ResultPage<>(items, size.rows(), spec.startIndex(), null, null);
            }
            anchors.forget(directoryId, order, taken);
        }
        DirectorySize size = rows.size(directoryId);
        if (offset >= size.rows()) {
            return new ResultPage<>(List.of(), size.rows(), spec.startIndex(), null, null);
        }
        if (offset >= OrderAnchors.SPACING && LOG.isDebugEnabled()) {
            LOG.debug("Index page of directory {} in order '{}' skips {} rows from the start ({})", directoryId, order, offset,
                    taken == null ? "no anchors" : from == null ? "before the first anchor taken so far" : "anchors stale");
        }
        List<R> items = inOrder(directoryId, sort, null, offset, spec.count());
        if (offset >= OrderAnchors.SPACING && size.orderVersion() != null
                && anchors.seen(directoryId, order, size.orderVersion())) {
            takeAnchors(directoryId, sort, order, size.orderVersion());
        }
        return new ResultPage<>(items, size.rows(), spec.startIndex(), null, null);
    }

    /** The whole directory's rows in the order of {@code sort}, strictly after {@code from} (or from the start), skipping {@code offset}. */
    private List<R> inOrder(String directoryId, SortKey sort, OrderAnchors.Anchor from, int offset, int count) {
        if (sort == null) {
            return rows.inInsertionOrder(directoryId, from == null ? null : from.seq(), false, offset, count);
        }
        SortPosition position = from == null ? new SortPosition(sort, false, null, null)
                : new SortPosition(sort, false, from.seq(), from.key());
        return rows.inSortOrder(directoryId, sort.field(), position, offset, count).stream().map(Keyed::item).toList();
    }

    /**
     * Keeps the order's anchors if the order version read after taking them is still {@code version},
     * the one read before: then no change moved a row in between. The page is answered either way: a
     * store error while taking them is logged, not turned into the page's failure.
     */
    private void takeAnchors(String directoryId, SortKey sort, String order, long version) {
        boolean kept = false;
        long started = System.nanoTime();
        try {
            List<OrderAnchors.Anchor> taken = new ArrayList<>();
            everyNth(directoryId, sort, row -> {
                OrderAnchors.Anchor next = new OrderAnchors.Anchor((long) (taken.size() + 1) * OrderAnchors.SPACING,
                        row.item(), keyText(row.key()));
                taken.add(next);
                anchors.taken(directoryId, order, version, next);
            });
            if (Long.valueOf(version).equals(rows.size(directoryId).orderVersion())) {
                anchors.keep(directoryId, order, version, taken);
                kept = true;
            }
        } catch (DataAccessException e) {
            LOG.warn("Could not take the anchors of directory {} in order '{}'; its index pages skip from the start", directoryId,
                    order, e);
        } finally {
            if (!kept) {
                anchors.notBuilt(directoryId, order, version);
            }
            LOG.debug("Anchors of directory {} in order '{}' at version {} taken in {} ms, {}", directoryId, order, version,
                    (System.nanoTime() - started) / 1_000_000, kept ? "kept" : "not kept");
        }
    }

    private void everyNth(String directoryId, SortKey sort, Consumer<Keyed<Long, ?>> each) {
        if (sort == null) {
            rows.everyNth(directoryId, null, new SeqPosition(null), kept -> new SeqPosition(kept.item()), OrderAnchors.SPACING,
                    each::accept);
            return;
        }
        rows.everyNth(directoryId, sort.field(), new SortPosition(sort, false, null, null),
                kept -> new SortPosition(sort, false, kept.item(), keyText(kept.key())),
                OrderAnchors.SPACING, each::accept);
    }

    /** Insertion order, and a start in it: strictly after the row with sequence {@code afterSeq}, or the order's start (null). */
    private final class SeqPosition implements DirectoryListing.Keyset {

        private final Long afterSeq;

        SeqPosition(Long afterSeq) {
            this.afterSeq = afterSeq;
        }

        @Override
        public Object shape() {
            return afterSeq != null;
        }

        @Override
        public Map<String, ?> values() {
            return afterSeq == null ? Map.of() : Map.of(AFTER_SEQ, afterSeq);
        }

        @Override
        public List<OrderField<?>> order(Field<?> key) {
            return Pager.this.order(null, false);
        }

        @Override
        public Condition position(Field<?> key, boolean keyUnique, RenderedQuery.Parameters parameters) {
            return afterSeq == null ? DSL.noCondition() : seq.gt(parameters.of(AFTER_SEQ, seq.getDataType()));
        }
    }

    private static String orderName(SortKey sort) {
        return sort == null ? "" : sort.field().getName() + (sort.descending() ? " desc" : " asc");
    }

    /** Without sortBy: the order of creation, which no change moves. */
    private List<? extends Keyed<R, ?>> inInsertionOrder(String directoryId, Condition filterOrNull, Cursor from, int limit) {
        boolean backward = from != null && from.backward();
        if (filterOrNull != null) {
            Condition position = from == null ? DSL.noCondition() : bySeq(from);
            return rows.listKeyed(directoryId, seq, filterOrNull.and(position), order(null, null, backward), limit);
        }
        return rows.inInsertionOrder(directoryId, from == null ? null : from.seq(), backward, 0, limit).stream()
                .map(item -> new Keyed<>(item, seqOf.applyAsLong(item))).toList();
    }

    /** With sortBy: the order of the sort values as of the walk's start (RULES.md P31). */
    private List<? extends Keyed<R, ?>> inSortOrderAsOf(String directoryId, Condition filter, SortKey sort, Cursor from,
            Walk walk, int limit) {
        SortPosition position = from == null ? new SortPosition(sort, false, null, null)
                : new SortPosition(sort, from.backward(), from.seq(), from.key());
        return rows.walkPage(directoryId, walk.start() == null ? Long.MAX_VALUE : walk.start(), sort.field(), filter, position, limit);
    }

    /**
     * The order of a sort key, read forward or backward, and a page's start in it: strictly beyond
     * the row with sequence {@code afterSeq} and sort value {@code afterKey} (null: a row without
     * one), or the order's start ({@code afterSeq} null).
     */
    private final class SortPosition implements DirectoryListing.Keyset {

        private record Shape(String attribute, boolean descending, boolean backward, boolean started, boolean afterKey) {
        }

        private final SortKey sort;
        private final boolean backward;
        private final Long afterSeq;
        private final String afterKey;

        SortPosition(SortKey sort, boolean backward, Long afterSeq, String afterKey) {
            this.sort = sort;
            this.backward = backward;
            this.afterSeq = afterSeq;
            this.afterKey = afterKey;
        }

        @Override
        public Object shape() {
            return new Shape(sort.attribute(), sort.descending(), backward, afterSeq != null, afterKey != null);
        }

        @Override
        public Map<String, ?> values() {
            if (afterSeq == null) {
                return Map.of();
            }
            return afterKey == null ? Map.of(AFTER_SEQ, afterSeq) : Map.of(AFTER_SEQ, afterSeq, AFTER_KEY, keyValue(sort.field(), afterKey));
        }

        @Override
        public List<OrderField<?>> order(Field<?> key) {
            return Pager.this.order(key, sort, backward);
        }

        @Override
        @SuppressWarnings("unchecked")
        public Condition position(Field<?> key, boolean keyUnique, RenderedQuery.Parameters parameters) {
            return afterSeq == null ? DSL.noCondition() : beyond((Field<Object>) key, keyUnique, parameters);
        }

        /** Rows strictly after (forward) or before (backward) the start's position in the order of {@code field}, then seq. */
        private Condition beyond(Field<Object> field, boolean keyUnique, RenderedQuery.Parameters parameters) {
            Condition bySeq = backward ? seq.lt(parameters.of(AFTER_SEQ, seq.getDataType()))
                    : seq.gt(parameters.of(AFTER_SEQ, seq.getDataType()));
            if (afterKey == null) {
                // Rows without a sort value come last.
                return backward ? field.isNotNull().or(field.isNull().and(bySeq)) : field.isNull().and(bySeq);
            }
            boolean towardsLarger = sort.descending() == backward;
            Field<Object> strictlyFrom = parameters.of(AFTER_KEY, field.getDataType());
            Condition strictly = towardsLarger ? field.gt(strictlyFrom) : field.lt(strictlyFrom);
            if (keyUnique) {
                // No other row has the start's value: a range of the key's index, which PostgreSQL reads
                // from the index alone. With the tie-break it fetched every row's sequence from the table,
                // and planned a page far from its start as a scan and sort of the whole table.
                return nullable(sort) && !backward ? strictly.or(field.isNull()) : strictly;
            }
            Condition beyond = strictly.or(field.eq(parameters.of(AFTER_KEY, field.getDataType())).and(bySeq));
            if (!nullable(sort)) {
                // The same rows, with a bound the index can start from instead of walking up to the cursor.
                Field<Object> from = parameters.of(AFTER_KEY, field.getDataType());
                return (towardsLarger ? field.ge(from) : field.le(from)).and(beyond);
            }
            return backward ? beyond : beyond.or(field.isNull());
        }
    }

    /**
     * Where a walk with sortBy is in the change history: its start and when it began, carried in
     * every cursor of the walk; none for a walk without sortBy, or one begun before walks had one
     * (it pages by current values, as then).
     */
    private record Walk(Long start, Long startedAt) {

        static final Walk NONE = new Walk(null, null);

        static Walk start(long position) {
            return new Walk(position, Instant.now().getEpochSecond());
        }

        static Walk of(Cursor cursor) {
            if (cursor.startedAt() != null
                    && Instant.ofEpochSecond(cursor.startedAt()).plus(SortHistory.CURSOR_LIFETIME).isBefore(Instant.now())) {
                throw new InvalidQueryException(InvalidQueryException.Reason.EXPIRED_CURSOR, "This cursor's walk started more than "
                        + SortHistory.CURSOR_LIFETIME.toHours() + " hours ago (cursorTimeout); start again with an empty cursor");
            }
            return new Walk(cursor.walkStart(), cursor.startedAt());
        }
    }

    private String cursor(boolean backward, Keyed<R, ?> row, SortKey sort, String query, Walk walk) {
        return new Cursor(backward, seqOf.applyAsLong(row.item()), sort == null ? null : keyText(row.key()), query,
                walk.start(), walk.startedAt()).encode();
    }

    /** A sort value as cursors and anchors carry it ({@link #keyValue} reads it back); null for a row without one. */
    private static String keyText(Object key) {
        return key == null ? null : String.valueOf(key);
    }

    private List<OrderField<?>> order(SortKey sort, boolean backward) {
        return order(sort == null ? null : sort.field(), sort, backward);
    }

    private List<OrderField<?>> order(Field<?> key, SortKey sort, boolean backward) {
        List<OrderField<?>> order = new ArrayList<>(2);
        if (sort != null) {
            boolean descending = sort.descending() != backward;
            SortField<?> field = descending ? key.desc() : key.asc();
            // Said only where it can matter: H2 reads a NOT NULL key's index in order only when the
            // ORDER BY names no null ordering (its indexes keep nulls first unless declared NULLS LAST).
            order.add(!nullable(sort) ? field : backward ? field.nullsFirst() : field.nullsLast());
        }
        order.add(backward ? seq.desc() : seq.asc());
        return order;
    }

    private Condition bySeq(Cursor cursor) {
        return cursor.backward() ? seq.lt(cursor.seq()) : seq.gt(cursor.seq());
    }

    private static boolean nullable(SortKey sort) {
        return sort.field().getDataType().nullable();
    }

    private static Object keyValue(Field<?> field, String text) {
        Class<?> type = field.getType();
        if (type == OffsetDateTime.class) {
            return OffsetDateTime.parse(text);
        }
        if (type == Boolean.class) {
            return Boolean.valueOf(text);
        }
        return field.getDataType().convert(text);
    }
}
