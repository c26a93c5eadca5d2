package io.scimgate.core.activity;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/**
 * Request counts per directory and hour, added up in memory until the next flush takes them.
 *
 * <p>Every request of a directory counts into the same entry, so counting takes no lock: the counts
 * are adders, and a flush drains them ({@link LongAdder#sumThenReset}, exact under concurrent adds).
 * An entry nothing counted into since the previous flush is retired and removed, and only once no
 * request is counting into it, so that no count is lost to a removed entry.
 */
final class RequestCounters {

    /** Written out, not generated: a record's generated equals and hashCode cost every request measurably more. */
    record Key(String directoryId, Instant hourStart) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(directoryId, key.directoryId)
                    && Objects.equals(hourStart, key.hourStart);
        }

        @Override
        public int hashCode() {
            return 31 * Objects.hashCode(directoryId) + Objects.hashCode(hourStart);
        }
    }

    /** One directory-hour's counts since the previous flush, as a flush takes them. */
    static final class Counts {
        long requests;
        long errors;
        long throttled;
        Instant lastRequestAt;
        Instant lastErrorAt;
    }

    record Taken(Key key, Counts counts) {
    }

    private final ConcurrentHashMap<Key, Live> pending = new ConcurrentHashMap<>();

    void count(LoggedRequest request) {
        Key key = new Key(request.directoryId(), request.receivedAt().truncatedTo(ChronoUnit.HOURS));
        while (true) {
            Live live = pending.get(key);
            if (live == null) {
                live = pending.computeIfAbsent(key, k -> new Live());
            }
            if (live.enter()) {
                try {
                    live.add(request);
                } finally {
                    live.exit();
                }
                return;
            }
            // A flush retired this entry just now: make sure it is gone, then count into a fresh one.
            pending.remove(key, live);
        }
    }

    /** Takes what was counted since the previous call; counting goes on meanwhile. */
    List<Taken> take() {
        List<Taken> taken = new ArrayList<>();
        for (Map.Entry<Key, Live> entry : pending.entrySet()) {
            Live live = entry.getValue();
            Counts counts = live.drain();
            if (counts.requests == 0 && counts.errors == 0 && counts.throttled == 0 && live.retireIfIdle()) {
                pending.remove(entry.getKey(), live);
                counts = live.drain(); // what was counted between the drain and the retirement
            }
            if (counts.requests > 0 || counts.errors > 0 || counts.throttled > 0) {
                taken.add(new Taken(entry.getKey(), counts));
            }
        }
        return taken;
    }

    /** One directory-hour's counting in progress. */
    private static final class Live {
        private static final int RETIRED = Integer.MIN_VALUE;

        private final AtomicInteger counting = new AtomicInteger();
        private final LongAdder requests = new LongAdder();
        private final LongAdder errors = new LongAdder();
        private final LongAdder throttled = new LongAdder();
        // Latest times in epoch nanoseconds, never reset: a flush sends the latest so far, and the
        // store keeps the greatest. Set before the count they go with, so a taken count has its time.
        private final LongAccumulator lastRequestAt = new LongAccumulator(Math::max, Long.MIN_VALUE);
        private final LongAccumulator lastErrorAt = new LongAccumulator(Math::max, Long.MIN_VALUE);

        boolean enter() {
            while (true) {
                int now = counting.get();
                if (now < 0) {
                    return false;
                }
                if (counting.compareAndSet(now, now + 1)) {
                    return true;
                }
            }
        }

        void exit() {
            counting.decrementAndGet();
        }

        /** Whether nobody is counting into this entry, and from now on nobody will. */
        boolean retireIfIdle() {
            return counting.compareAndSet(0, RETIRED);
        }

        void add(LoggedRequest request) {
            long at = epochNanos(request.receivedAt());
            lastRequestAt.accumulate(at);
            if (request.failed()) {
                lastErrorAt.accumulate(at);
            }
            requests.increment();
            if (request.failed()) {
                errors.increment();
            }
            if (request.throttled()) {
                throttled.increment();
            }
        }

        Counts drain() {
            Counts counts = new Counts();
            counts.throttled = throttled.sumThenReset();
            counts.errors = errors.sumThenReset();
            counts.requests = requests.sumThenReset();
            counts.lastRequestAt = instant(lastRequestAt.get());
            counts.lastErrorAt = instant(lastErrorAt.get());
            return counts;
        }

        private static long epochNanos(Instant instant) {
            return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
        }

        private static Instant instant(long epochNanos) {
            return epochNanos == Long.MIN_VALUE ? null
                    : Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L), Math.floorMod(epochNanos, 1_000_000_000L));
        }
    }
}
