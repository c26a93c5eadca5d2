package io.scimgate.core.directory.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Anchors of index pages (RULES.md P32): for a directory and one of its whole-directory orders, the
 * row at every {@link #SPACING}-th position, kept with the order version they were taken at. A page
 * then starts from the nearest anchor before it instead of counting rows from the directory's start,
 * and is used only if the version read after it is still the anchors' (so nothing that can move a row
 * committed in between, on any instance). Built only once the same version has been seen on two
 * pages in a row, so that a directory being written to keeps paging by plain OFFSET instead of
 * rebuilding on every page. Each anchor is usable as soon as it is taken: while one page takes them
 * (about a thousand statements at 100,000 users), the pages that arrive meanwhile start from the
 * nearest one taken so far instead of skipping from the directory's start (a page checks the version
 * after it either way). Bounded: the least recently used order is dropped past {@link #MAX_ORDERS}
 * orders or {@link #MAX_ANCHORS} anchors in all.
 */
final class OrderAnchors {

    /**
     * Rows between anchors: a page skips fewer than this many index entries. Each entry skipped is
     * read: on H2, whose 4 KB B-tree pages (DataSources) hold about a dozen entries of an order's
     * index, a skip of up to 999 entries read 30–70 pages from the store's file per page at 100,000
     * users, where the page cache holds a small part of the index (BENCHMARKS.md, ninth pass).
     */
    static final int SPACING = 100;
    private static final int MAX_ORDERS = 1024;
    /** About 10 MB of anchors (a sort key's are strings); as many as 1,000 orders of 100,000 rows had at the former spacing. */
    static final int MAX_ANCHORS = 100_000;

    /**
     * The last row before {@code position} (0-based) in the order: a page at {@code position} or after
     * starts strictly after its (key, sequence).
     */
    record Anchor(long position, long seq, String key) {
    }

    /** Anchors taken at one order version: none at first, then those taken so far, then all of them. */
    static final class Taken {

        private final long version;
        /** Replaced, never changed: a page reads one list while the page taking them appends. */
        private volatile List<Anchor> anchors;
        private volatile boolean complete;
        private final AtomicBoolean building = new AtomicBoolean();
        private volatile long usedAt;

        private Taken(long version, List<Anchor> anchors, boolean complete, long usedAt) {
            this.version = version;
            this.anchors = anchors;
            this.complete = complete;
            this.usedAt = usedAt;
        }

        long version() {
            return version;
        }

        /** The anchor nearest before {@code offset}, or null if the first is after it. */
        Anchor before(long offset) {
            List<Anchor> anchors = this.anchors;
            int low = 0;
            int high = anchors.size() - 1;
            Anchor found = null;
            while (low <= high) {
                int middle = (low + high) >>> 1;
                Anchor anchor = anchors.get(middle);
                if (anchor.position() <= offset) {
                    found = anchor;
                    low = middle + 1;
                } else {
                    high = middle - 1;
                }
            }
            return found;
        }
    }

    private record Order(String directoryId, String order) {
    }

    private final Map<Order, Taken> orders = new ConcurrentHashMap<>();

    /** The anchors taken for this order (all, or the first ones while they are being taken), or null. */
    Taken built(String directoryId, String order) {
        Taken taken = orders.get(new Order(directoryId, order));
        if (taken == null || taken.anchors.isEmpty()) {
            return null;
        }
        taken.usedAt = System.nanoTime();
        return taken;
    }

    /** Drops these anchors: the order changed since they were taken. */
    void forget(String directoryId, String order, Taken stale) {
        orders.remove(new Order(directoryId, order), stale);
    }

    /**
     * Notes that a page saw the order at {@code version}; true if a page before saw the same one and
     * its anchors are neither all taken nor being taken: the caller takes them, handing each to
     * {@link #taken} as it goes, then calls {@link #keep} or {@link #notBuilt}. Of pages that race, one builds.
     */
    boolean seen(String directoryId, String order, long version) {
        Order key = new Order(directoryId, order);
        Taken known = orders.get(key);
        if (known != null && known.version == version) {
            if (known.complete || !known.building.compareAndSet(false, true)) {
                return false;
            }
            // A build that failed half-way left its first anchors, which stay right; they are taken again.
            known.anchors = List.of();
            return true;
        }
        put(key, new Taken(version, List.of(), false, System.nanoTime()));
        return false;
    }

    /** The next anchor of the order at {@code version}, usable at once by pages at that version. */
    void taken(String directoryId, String order, long version, Anchor next) {
        Taken known = orders.get(new Order(directoryId, order));
        if (known != null && known.version == version && !known.complete) {
            List<Anchor> longer = new ArrayList<>(known.anchors.size() + 1);
            longer.addAll(known.anchors);
            longer.add(next);
            known.anchors = List.copyOf(longer);
        }
    }

    /** The anchors {@link #seen} asked for could not be taken; a later page at the same version may try again. */
    void notBuilt(String directoryId, String order, long version) {
        Taken known = orders.get(new Order(directoryId, order));
        if (known != null && known.version == version) {
            known.building.set(false);
        }
    }

    /** Keeps anchors taken at {@code version}. */
    void keep(String directoryId, String order, long version, List<Anchor> anchors) {
        put(new Order(directoryId, order), new Taken(version, List.copyOf(anchors), true, System.nanoTime()));
    }

    private void put(Order key, Taken taken) {
        orders.put(key, taken);
        while (orders.size() > MAX_ORDERS || orders.size() > 1 && anchorCount() > MAX_ANCHORS) {
            orders.entrySet().stream()
                    .filter(entry -> entry.getValue() != taken)
                    .min((a, b) -> Long.compare(a.getValue().usedAt, b.getValue().usedAt))
                    .ifPresent(oldest -> orders.remove(oldest.getKey(), oldest.getValue()));
        }
    }

    /** The anchors kept for all orders, those being taken included (as far as taken when they were counted). */
    private int anchorCount() {
        int count = 0;
        for (Taken taken : orders.values()) {
            count += taken.anchors.size();
        }
        return count;
    }
}
