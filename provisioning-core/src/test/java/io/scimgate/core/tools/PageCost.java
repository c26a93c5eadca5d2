package io.scimgate.core.tools;

import com.zaxxer.hikari.HikariDataSource;
import io.scimgate.core.CoreInternals;
import io.scimgate.core.ProvisioningCore;
import io.scimgate.core.directory.DirectoryProvider;
import io.scimgate.core.directory.DirectoryUser;
import io.scimgate.core.directory.DirectoryUserData;
import io.scimgate.core.directory.EmailAddress;
import io.scimgate.core.directory.query.DirectoryQuery;
import io.scimgate.core.directory.query.Paging;
import io.scimgate.core.directory.query.ResultPage;
import io.scimgate.core.directory.query.Sort;
import io.scimgate.core.store.DataSources;
import io.scimgate.core.testing.SeededUsers;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What one list page ({@code count=100}) of a large directory costs the core, without HTTP: a tool
 * for BENCHMARKS.md ("Eighth pass"), outside the test run (it asserts nothing and takes minutes).
 * Seeds a directory of {@code users} on an H2 file store (or the PostgreSQL of a JDBC URL given,
 * into a fresh schema-less database the caller provides), then pages it from a few threads as the
 * benchmark's list workloads do: index pages at random {@code startIndex}, and cursor walks that
 * start again at their end, each with and without {@code sortBy=userName}. Per workload and round it
 * prints pages per second, the worker threads' CPU per page and the process's CPU per page (JIT, GC
 * included), and the load average when the round started. Its worker threads are named after their
 * workload, so that a JDK Flight Recorder recording of it ({@code -XX:StartFlightRecording=…}) tells
 * the workloads' samples apart.
 *
 * <pre>
 * mvn -B -q -o -Dmaven.repo.local=... -pl provisioning-core -am test-compile -DskipTests
 * java -cp provisioning-core/target/test-classes:provisioning-core/target/classes:$(cat cp.txt) \
 *     io.scimgate.core.tools.PageCost [users] [threads] [warm-up pages] [pages per round] [rounds] [jdbc url [user password]]
 * </pre>
 */
public final class PageCost {

    private static final Sort BY_USER_NAME = new Sort("userName", false);
    private static final int COUNT = 100;

    /** One of the benchmark's list workloads. */
    private record Workload(String name, Sort sort, boolean byCursor) {
    }

    private static final List<Workload> WORKLOADS = List.of(
            new Workload("startIndex", null, false),
            new Workload("startIndex, sortBy=userName", BY_USER_NAME, false),
            new Workload("cursor", null, true),
            new Workload("cursor, sortBy=userName", BY_USER_NAME, true));

    private PageCost() {
    }

    public static void main(String[] args) throws Exception {
        int users = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        int warmUp = args.length > 2 ? Integer.parseInt(args[2]) : 3_000;
        int perRound = args.length > 3 ? Integer.parseInt(args[3]) : 3_000;
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        Path folder = Files.createTempDirectory("page-cost");
        String url = args.length > 5 ? args[5] : "jdbc:h2:file:" + folder.resolve("store");
        String user = args.length > 6 ? args[6] : "sa";
        String password = args.length > 7 ? args[7] : "";
        try (HikariDataSource dataSource = DataSources.pooled(url, user, password)) {
            ProvisioningCore core = ProvisioningCore.builder().dataSource(dataSource).build();
            try {
                String organizationId = core.organizations().create("Page cost").id();
                String directoryId = core.directories().create(organizationId, "Directory", DirectoryProvider.GENERIC)
                        .directory().id();
                DirectoryUser template = core.directoryUsers().create(directoryId, new DirectoryUserData("template@cost.example",
                        "template", true, null, "Given", "Family", List.of(new EmailAddress("template@cost.example", "work", true)),
                        null, null, null, "{\"userName\":\"template@cost.example\"}"));
                long seeding = System.nanoTime();
                SeededUsers.copies(CoreInternals.database(core).dsl(), directoryId, template.id(), users - 1);
                System.out.printf("%,d users seeded in %.1f s, %s, %d threads, %d warm-up pages per workload%n", users,
                        (System.nanoTime() - seeding) / 1e9, url.replaceAll("password=[^;&]*", "password=…"), threads, warmUp);
                for (Workload workload : WORKLOADS) {
                    run(core, directoryId, users, workload, threads, warmUp);
                }
                System.out.println("| workload | round | load average | pages/s | worker CPU ms/page | process CPU ms/page |");
                System.out.println("| --- | ---: | ---: | ---: | ---: | ---: |");
                for (int round = 1; round <= rounds; round++) {
                    for (Workload workload : WORKLOADS) {
                        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
                        long processBefore = Workers.processCpuNanos();
                        long started = System.nanoTime();
                        long workerNanos = run(core, directoryId, users, workload, threads, perRound);
                        long wall = System.nanoTime() - started;
                        long processNanos = Workers.processCpuNanos() - processBefore;
                        System.out.printf("| %s | %d | %.1f | %.0f | %.3f | %.3f |%n", workload.name(), round, load,
                                perRound * 1e9 / wall, workerNanos / 1e6 / perRound, processNanos / 1e6 / perRound);
                    }
                }
            } finally {
                core.close();
            }
        } finally {
            try (var paths = Files.walk(folder)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** Reads {@code pages} pages of {@code workload} from {@code threads} threads; returns the CPU time the threads used. */
    private static long run(ProvisioningCore core, String directoryId, int users, Workload workload, int threads, int pages)
            throws InterruptedException {
        return Workers.cpuOf(threads, pages, "pages: " + workload.name(), t -> {
            String[] cursor = {""};
            return () -> {
                Paging paging = workload.byCursor() ? new Paging.ByCursor(cursor[0], COUNT)
                        : new Paging.ByIndex(1 + ThreadLocalRandom.current().nextInt(users - COUNT + 1), COUNT);
                ResultPage<DirectoryUser> page = core.directoryUsers().list(directoryId,
                        new DirectoryQuery(null, workload.sort(), paging));
                if (page.items().size() != COUNT && (!workload.byCursor() || page.nextCursor() != null)) {
                    throw new IllegalStateException(workload.name() + ": a page of " + page.items().size() + " users");
                }
                cursor[0] = page.nextCursor() == null ? "" : page.nextCursor();
            };
        });
    }
}
