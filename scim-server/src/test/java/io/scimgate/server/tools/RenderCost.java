package io.scimgate.server.tools;

import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.server.testing.DirectoryAccess;
import io.scimgate.server.testing.Http;
import io.scimgate.server.testing.HttpReply;
import io.scimgate.server.testing.ScimJson;
import io.scimgate.server.testing.TestServer;
import java.lang.management.ManagementFactory;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * What answering reads costs the server's own threads: a tool for BENCHMARKS.md ("Eighth pass"),
 * outside the test run (it asserts nothing). Starts a scimgate in this JVM on a fresh H2 store, seeds
 * an Okta directory (as the benchmark's large one) with users and one group of all of them, then in
 * rounds sends {@code GET /Users/{id}}, cursor pages of 100 users and {@code GET /Groups/{id}} from a
 * few keep-alive clients. Per request it prints the bytes allocated and the CPU time of the threads
 * that serve requests (Grizzly's workers and selectors, the store's work included), from the JVM's
 * per-thread counters: the bytes do not depend on what else the machine runs, the CPU time does.
 *
 * <pre>
 * mvn -B -q -o -Dmaven.repo.local=... -pl scim-server -am test-compile -DskipTests
 * java -cp scim-server/target/test-classes:scim-server/target/classes:provisioning-core/target/test-classes:\
 *     provisioning-core/target/classes:$(cat cp.txt) io.scimgate.server.tools.RenderCost [users] [rounds] [requests per round]
 * </pre>
 */
public final class RenderCost {

    private static final int CLIENTS = 4;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private RenderCost() {
    }

    public static void main(String[] args) throws Exception {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int perRound = args.length > 2 ? Integer.parseInt(args[2]) : 4_000;
        try (TestServer server = TestServer.start(Map.of("SCIMGATE_RATE_LIMIT", "1000000", "SCIMGATE_RATE_BURST", "1000000"))) {
            DirectoryAccess directory = server.newDirectory("okta");
            String[] ids = seed(directory, users);
            HttpReply group = directory.scim().post("Groups", ScimJson.group("everyone", ids));
            String groupId = group.json().get("id").asText();
            Map<String, IntFunction<String>> reads = new LinkedHashMap<>();
            reads.put("GET /Users/{id}", n -> "Users/" + ids[ThreadLocalRandom.current().nextInt(ids.length)]);
            reads.put("GET /Users?count=100&cursor", null);
            reads.put("GET /Groups/{id} (" + users + " members)", n -> "Groups/" + groupId);
            System.out.printf("%-40s %8s %12s %12s%n", "reads (warm-up first)", "requests", "KB/request", "CPU ms/req");
            for (int round = 0; round <= rounds; round++) {
                for (Map.Entry<String, IntFunction<String>> read : reads.entrySet()) {
                    int count = read.getKey().startsWith("GET /Groups") ? Math.max(20, perRound / 100)
                            : read.getValue() == null ? perRound / 10 : perRound;
                    Map<Long, long[]> before = serverThreads();
                    send(directory, count, read.getValue());
                    long[] spent = spentSince(before);
                    if (round > 0) {
                        System.out.printf("%-40s %8d %12.1f %12.3f%n", read.getKey(), count, spent[0] / 1024.0 / count,
                                spent[1] / 1e6 / count);
                    }
                }
            }
        }
    }

    private static String[] seed(DirectoryAccess directory, int users) throws InterruptedException {
        String[] ids = new String[users];
        AtomicInteger next = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            Http scim = directory.scim();
            threads.add(started(() -> {
                for (int n = next.getAndIncrement(); n < users; n = next.getAndIncrement()) {
                    HttpReply created = scim.post("Users", ScimJson.user("user" + n + "@corp.example", "u" + n));
                    ids[n] = created.json().get("id").asText();
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return ids;
    }

    /** {@code count} requests from {@link #CLIENTS} clients; a null path walks the users by cursor. */
    private static void send(DirectoryAccess directory, int count, IntFunction<String> path) throws InterruptedException {
        AtomicInteger sent = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            Http scim = directory.scim();
            threads.add(started(() -> {
                String cursor = "";
                for (int n = sent.getAndIncrement(); n < count; n = sent.getAndIncrement()) {
                    HttpReply reply = scim.get(path != null ? path.apply(n)
                            : "Users?count=100&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
                    if (reply.status() != 200) {
                        throw new IllegalStateException(reply.toString());
                    }
                    if (path == null) {
                        JsonNode next = reply.json().get("nextCursor");
                        cursor = next == null ? "" : next.asText();
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }

    private static Thread started(Runnable work) {
        Thread thread = new Thread(work, "render-cost-client");
        thread.start();
        return thread;
    }

    /** Bytes allocated and CPU nanoseconds so far of each thread that serves requests, by thread id. */
    private static Map<Long, long[]> serverThreads() {
        Map<Long, long[]> counters = new HashMap<>();
        Thread.getAllStackTraces().keySet().stream()
                .filter(thread -> thread.getName().startsWith("scimgate-http") || thread.getName().startsWith("grizzly"))
                .forEach(thread -> counters.put(thread.getId(), new long[] {THREADS.getThreadAllocatedBytes(thread.getId()),
                        THREADS.getThreadCpuTime(thread.getId())}));
        return counters;
    }

    private static long[] spentSince(Map<Long, long[]> before) {
        long[] spent = new long[2];
        serverThreads().forEach((id, now) -> {
            long[] then = before.getOrDefault(id, new long[2]);
            spent[0] += now[0] - then[0];
            spent[1] += now[1] - then[1];
        });
        return spent;
    }
}
