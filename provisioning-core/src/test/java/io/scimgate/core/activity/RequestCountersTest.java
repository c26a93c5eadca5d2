package io.scimgate.core.activity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class RequestCountersTest {

    private static final Instant TEN = Instant.parse("2026-11-30T10:15:00.123456Z");

    private static LoggedRequest request(String directory, Instant at, int status) {
        return new LoggedRequest(directory, at, "GET", "Users", status, 1, null, List.of());
    }

    @Test
    void countsRequestsErrorsAndThrottlingPerDirectoryAndHour() {
        RequestCounters counters = new RequestCounters();
        counters.count(request("a", TEN, 200));
        counters.count(request("a", TEN.plusSeconds(60), 404));
        counters.count(request("a", TEN.plusSeconds(120), 429));
        counters.count(request("a", TEN.plusSeconds(3600), 200));
        counters.count(request("b", TEN, 201));

        Map<RequestCounters.Key, RequestCounters.Counts> taken = new HashMap<>();
        counters.take().forEach(t -> taken.put(t.key(), t.counts()));
        assertEquals(3, taken.size());
        RequestCounters.Counts tenOClock = taken.get(new RequestCounters.Key("a", Instant.parse("2026-11-30T10:00:00Z")));
        assertEquals(3, tenOClock.requests);
        assertEquals(2, tenOClock.errors);
        assertEquals(1, tenOClock.throttled);
        assertEquals(TEN.plusSeconds(120), tenOClock.lastRequestAt);
        assertEquals(TEN.plusSeconds(120), tenOClock.lastErrorAt);
        RequestCounters.Counts b = taken.get(new RequestCounters.Key("b", Instant.parse("2026-11-30T10:00:00Z")));
        assertEquals(1, b.requests);
        assertEquals(TEN, b.lastRequestAt);
        assertNull(b.lastErrorAt);
    }

    @Test
    void aFlushTakesOnlyWhatWasCountedSinceThePreviousOne() {
        RequestCounters counters = new RequestCounters();
        counters.count(request("a", TEN, 200));
        assertEquals(1, counters.take().get(0).counts().requests);
        assertTrue(counters.take().isEmpty(), "nothing new to take");
        assertTrue(counters.take().isEmpty(), "the idle entry is gone, and nothing is taken from it");
        counters.count(request("a", TEN.plusSeconds(1), 200));
        List<RequestCounters.Taken> again = counters.take();
        assertEquals(1, again.size());
        assertEquals(1, again.get(0).counts().requests);
        assertEquals(TEN.plusSeconds(1), again.get(0).counts().lastRequestAt);
    }

    @Test
    void noCountIsLostWhileFlushesTakeAndRetireEntriesUnderConcurrentRequests() throws Exception {
        RequestCounters counters = new RequestCounters();
        int threads = 8;
        int perThread = 50_000;
        CountDownLatch start = new CountDownLatch(1);
        AtomicBoolean counting = new AtomicBoolean(true);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            Thread worker = new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < perThread; i++) {
                    // Bursts with pauses, so that entries go idle and are retired while others count.
                    counters.count(request(thread % 2 == 0 ? "a" : "b", TEN, i % 10 == 0 ? 500 : 200));
                    if (i % 5000 == 0) {
                        Thread.yield();
                    }
                }
            });
            workers.add(worker);
            worker.start();
        }
        long[] sums = new long[2];
        Thread flusher = new Thread(() -> {
            while (counting.get()) {
                add(sums, counters.take());
            }
        });
        flusher.start();
        start.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        counting.set(false);
        flusher.join();
        add(sums, counters.take());
        assertEquals((long) threads * perThread, sums[0]);
        assertEquals((long) threads * perThread / 10, sums[1]);
    }

    private static void add(long[] sums, List<RequestCounters.Taken> taken) {
        for (RequestCounters.Taken t : taken) {
            sums[0] += t.counts().requests;
            sums[1] += t.counts().errors;
        }
    }
}
