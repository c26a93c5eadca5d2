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
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

/**
 * What one list page ({@code count=100}) of a large directory costs the core, without HTTP: a tool
 * for BENCHMARKS.md ("Eighth pass"), outside the test run (it asserts nothing and takes minutes).
 * Seeds a directory of {@code users} on an H2 file store (or the PostgreSQL of a JDBC URL given,
 * into a fresh schema-less database the caller provides), then pages it from a few threads as the
 * benchmark's list workloads do: index pages at random {@code startIndex}, and cursor walks that
 * start again at their end, each with and without {@code sortBy=userName}. Per workload and round it
 * prints pages per second, the worker threads' CPU per page and the process's CPU per page (JIT, GC
 * included), on an H2 store the B-tree pages it read from the store's file per page (H2's
 * {@code info.FILE_READ}: the page cache's misses; {@code CACHE_SIZE} in the URL sets that cache), and
 * the load average when the round started. Its worker threads are named after their
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
                FileReads reads = FileReads.of(dataSource);
                // The warm-up's first pages ask for each order first: an index workload's takes its anchors.
                for (Workload workload : WORKLOADS) {
                    long[] readsBefore = reads.now();
                    long started = System.nanoTime();
                    long workerNanos = run(core, directoryId, users, workload, threads, warmUp);
                    long[] readsAfter = reads.now();
                    System.out.printf("warm-up, %s: %d pages in %.2f s, worker CPU %.3f ms/page, %s file reads/page%n",
                            workload.name(), warmUp, (System.nanoTime() - started) / 1e9, workerNanos / 1e6 / warmUp,
                            reads.perPage(readsBefore[0], readsAfter[0], warmUp, 1));
                }
                System.out.println(reads.cache());
                System.out.println("| workload | round | load average | pages/s | worker CPU ms/page | process CPU ms/page | file reads/page | KiB read/page |");
                System.out.println("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
                for (int round = 1; round <= rounds; round++) {
                    for (Workload workload : WORKLOADS) {
                        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
                        long[] readsBefore = reads.now();
                        long processBefore = Workers.processCpuNanos();
                        long started = System.nanoTime();
                        long workerNanos = run(core, directoryId, users, workload, threads, perRound);
                        long wall = System.nanoTime() - started;
                        long processNanos = Workers.processCpuNanos() - processBefore;
                        long[] readsAfter = reads.now();
                        System.out.printf("| %s | %d | %.1f | %.0f | %.3f | %.3f | %s | %s |%n", workload.name(), round, load,
                                perRound * 1e9 / wall, workerNanos / 1e6 / perRound, processNanos / 1e6 / perRound,
                                reads.perPage(readsBefore[0], readsAfter[0], perRound, 1),
                                reads.perPage(readsBefore[1], readsAfter[1], perRound, 1024));
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

    /**
     * The H2 store's count of reads from its file and of the bytes read, from
     * {@code INFORMATION_SCHEMA.SETTINGS}; none on PostgreSQL.
     */
    private record FileReads(DataSource dataSource) {

        static FileReads of(DataSource dataSource) throws SQLException {
            try (Connection connection = dataSource.getConnection()) {
                return connection.getMetaData().getURL().startsWith("jdbc:h2:") ? new FileReads(dataSource) : new FileReads(null);
            }
        }

        /** Reads and bytes read so far; nothing on PostgreSQL. */
        long[] now() throws SQLException {
            Map<String, String> info = info();
            return info.isEmpty() ? new long[] {0, 0}
                    : new long[] {Long.parseLong(info.get("info.FILE_READ")), Long.parseLong(info.get("info.FILE_READ_BYTES"))};
        }

        String cache() throws SQLException {
            Map<String, String> info = info();
            return info.isEmpty() ? "PostgreSQL: no file reads counted" : "H2 page cache: at most " + info.get("info.CACHE_MAX_SIZE")
                    + " MiB, " + info.get("info.CACHE_SIZE") + " MiB used, hit ratio " + info.get("info.CACHE_HIT_RATIO")
                    + " %; B-tree pages split at " + info.get("info.PAGE_SIZE") + " bytes";
        }

        String perPage(long before, long after, int pages, int unit) {
            return dataSource == null ? "–" : String.format("%.1f", (after - before) / (double) unit / pages);
        }

        private Map<String, String> info() throws SQLException {
            Map<String, String> info = new HashMap<>();
            if (dataSource == null) {
                return info;
            }
            try (Connection connection = dataSource.getConnection();
                    Statement statement = connection.createStatement();
                    ResultSet rows = statement.executeQuery(
                            "SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME LIKE 'info.%'")) {
                while (rows.next()) {
                    info.put(rows.getString(1), rows.getString(2));
                }
            }
            return info;
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
