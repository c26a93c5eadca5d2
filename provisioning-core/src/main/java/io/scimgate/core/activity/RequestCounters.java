package io.scimgate.core.activity;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** Request counts per directory and hour, added up in memory until the next flush takes them. */
final class RequestCounters {

    record Key(String directoryId, Instant hourStart) {
    }

    /** One directory-hour's counts; only changed under the map's lock for its key. */
    static final class Counts {
        long requests;
        long errors;
        long throttled;
        Instant lastRequestAt;
        Instant lastErrorAt;
    }

    record Taken(Key key, Counts counts) {
    }

    private final ConcurrentHashMap<Key, Counts> pending = new ConcurrentHashMap<>();

    void count(LoggedRequest request) {
        Key key = new Key(request.directoryId(), request.receivedAt().truncatedTo(ChronoUnit.HOURS));
        pending.compute(key, (k, counts) -> {
            Counts c = counts == null ? new Counts() : counts;
            c.requests++;
            c.lastRequestAt = later(c.lastRequestAt, request.receivedAt());
            if (request.failed()) {
                c.errors++;
                c.lastErrorAt = later(c.lastErrorAt, request.receivedAt());
            }
            if (request.throttled()) {
                c.throttled++;
            }
            return c;
        });
    }

    /** Removes and returns what was counted; counting goes on into fresh entries. */
    List<Taken> take() {
        List<Taken> taken = new ArrayList<>();
        for (Key key : pending.keySet()) {
            Counts counts = pending.remove(key);
            if (counts != null) {
                taken.add(new Taken(key, counts));
            }
        }
        return taken;
    }

    private static Instant later(Instant a, Instant b) {
        return a == null || b.isAfter(a) ? b : a;
    }
}
