package io.scimgate.core.tools;

import com.zaxxer.hikari.HikariDataSource;
import io.scimgate.core.ProvisioningCore;
import io.scimgate.core.activity.LoggedRequest;
import io.scimgate.core.activity.RequestJournal;
import io.scimgate.core.directory.DirectoryProvider;
import io.scimgate.core.directory.DirectoryUserData;
import io.scimgate.core.directory.EmailAddress;
import io.scimgate.core.domain.VerificationStrategy;
import io.scimgate.core.store.DataSources;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What one create with full provisioning costs the core on an H2 file store, without HTTP: a tool
 * for BENCHMARKS.md ("Sixth pass"), outside the test run (it asserts nothing and takes a minute).
 * Creates distinct people on a verified domain through {@code DirectoryUsers.create} from a few
 * threads, warm-up first, then measured rounds; per round it prints the worker threads' CPU and the
 * process's CPU (JIT, GC and the event relay included) per create, the store's file growth, H2's bytes written
 * and file writes (about one per commit) per create. It also lists the B-trees each table a create writes keeps.
 * With {@code -DcreateCost.provisioningLog=true} each create is also journalled and recorded in the
 * provisioning log, whose background writer runs, as the server does for a SCIM POST.
 *
 * <pre>
 * mvn -B -q -o -Dmaven.repo.local=... -pl provisioning-core -am test-compile -DskipTests
 * java -cp provisioning-core/target/test-classes:provisioning-core/target/classes:$(cat cp.txt) \
 *     io.scimgate.core.tools.CreateCost [threads] [warm-up creates] [creates per round] [rounds] [jdbc url options]
 * </pre>
 */
public final class CreateCost {

    private static final List<String> TABLES_A_CREATE_WRITES = List.of("DIRECTORY_USER", "DIRECTORY_USER_EMAIL",
            "APP_USER", "ORGANIZATION_MEMBERSHIP", "EVENT_OUTBOX", "EVENT", "EVENT_ORGANIZATION", "DIRECTORY_USER_TALLY",
            "EVENT_COUNTER");

    private static final boolean LOGGED = Boolean.getBoolean("createCost.provisioningLog");

    private CreateCost() {
    }

    public static void main(String[] args) throws Exception {
        int threads = args.length > 0 ? Integer.parseInt(args[0]) : 4;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 3_000;
        int perRound = args.length > 2 ? Integer.parseInt(args[2]) : 3_000;
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        String urlOptions = args.length > 4 ? args[4] : "";
        Path folder = Files.createTempDirectory("create-cost");
        Path file = folder.resolve("store.mv.db");
        String url = "jdbc:h2:file:" + folder.resolve("store") + urlOptions;
        try (HikariDataSource dataSource = DataSources.pooled(url, "sa", "")) {
            ProvisioningCore core = ProvisioningCore.builder().dataSource(dataSource).build();
            if (LOGGED) {
                core.provisioningLog().start();
            }
            try {
                String organizationId = core.organizations().create("Create cost").id();
                String domainId = core.domains().add(organizationId, "cost.example", VerificationStrategy.MANUAL).id();
                core.domains().verify(organizationId, domainId);
                String directoryId = core.directories().create(organizationId, "Directory", DirectoryProvider.GENERIC)
                        .directory().id();
                printBTrees(dataSource);
                AtomicInteger names = new AtomicInteger();
                run(core, directoryId, names, threads, warmUp);
                System.out.printf("%d threads, %d creates warm-up, %s%s%n", threads, warmUp, url,
                        LOGGED ? ", each create in the provisioning log" : "");
                System.out.println("| round | creates/s | worker CPU ms/create | process CPU ms/create | file KB/create | written KB/create | H2 file writes/create | H2 cache hit % |");
                System.out.println("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
                Map<String, Long> threadsBefore = threadCpu();
                for (int round = 1; round <= rounds; round++) {
                    long fileBefore = Files.size(file);
                    long writtenBefore = storeInfo(dataSource, "info.FILE_WRITE_BYTES");
                    long writesBefore = storeInfo(dataSource, "info.FILE_WRITE");
                    long processBefore = Workers.processCpuNanos();
                    long started = System.nanoTime();
                    long workerNanos = run(core, directoryId, names, threads, perRound);
                    long wall = System.nanoTime() - started;
                    long processNanos = Workers.processCpuNanos() - processBefore;
                    System.out.printf("| %d | %.0f | %.3f | %.3f | %.1f | %.1f | %.2f | %d |%n", round, perRound * 1e9 / wall,
                            workerNanos / 1e6 / perRound, processNanos / 1e6 / perRound,
                            (Files.size(file) - fileBefore) / 1024.0 / perRound,
                            (storeInfo(dataSource, "info.FILE_WRITE_BYTES") - writtenBefore) / 1024.0 / perRound,
                            (storeInfo(dataSource, "info.FILE_WRITE") - writesBefore) / (double) perRound,
                            storeInfo(dataSource, "info.CACHE_HIT_RATIO"));
                }
                printOtherThreads(threadsBefore, threadCpu(), (long) perRound * rounds);
            } finally {
                core.provisioningLog().close();
                core.close();
            }
        } finally {
            try (var paths = Files.walk(folder)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /** Creates {@code count} people from {@code threads} threads; returns the CPU time the threads used. */
    private static long run(ProvisioningCore core, String directoryId, AtomicInteger names, int threads, int count)
            throws InterruptedException {
        return Workers.cpuOf(threads, count, null, t -> () -> {
            if (!LOGGED) {
                core.directoryUsers().create(directoryId, person("person" + names.incrementAndGet()));
                return;
            }
            Instant received = Instant.now();
            long started = System.nanoTime();
            RequestJournal journal = RequestJournal.open();
            try {
                core.directoryUsers().create(directoryId, person("person" + names.incrementAndGet()));
            } finally {
                RequestJournal.close();
            }
            core.provisioningLog().record(new LoggedRequest(directoryId, received, "POST", "Users", 201,
                    (System.nanoTime() - started) / 1_000_000, null, journal.changes()));
        });
    }

    /** A person as the benchmark sends one: userName, externalId, names, one primary work email. */
    private static DirectoryUserData person(String name) {
        String email = name + "@cost.example";
        return new DirectoryUserData(email, name, true, null, "Given" + name, "Bench",
                List.of(new EmailAddress(email, "work", true)), null, null, null,
                "{\"userName\":\"" + email + "\",\"externalId\":\"" + name + "\",\"name\":{\"givenName\":\"Given" + name
                        + "\",\"familyName\":\"Bench\"},\"emails\":[{\"value\":\"" + email
                        + "\",\"type\":\"work\",\"primary\":true}],\"active\":true}");
    }

    /** CPU time of every live thread, by name (threads of one name summed). */
    private static Map<String, Long> threadCpu() {
        ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        Map<String, Long> byName = new TreeMap<>();
        for (var info : bean.getThreadInfo(bean.getAllThreadIds())) {
            if (info != null) {
                long cpu = bean.getThreadCpuTime(info.getThreadId());
                if (cpu > 0) {
                    byName.merge(info.getThreadName().replaceAll("[0-9]+$", "#"), cpu, Long::sum);
                }
            }
        }
        return byName;
    }

    /** The threads besides the workers that used CPU during the measured rounds (the JVM's own ones are not listed by the bean). */
    private static void printOtherThreads(Map<String, Long> before, Map<String, Long> after, long creates) {
        after.forEach((name, cpu) -> {
            double perCreate = (cpu - before.getOrDefault(name, 0L)) / 1e6 / creates;
            if (perCreate >= 0.01) {
                System.out.printf("thread %s: %.3f ms/create%n", name, perCreate);
            }
        });
    }

    /** A figure H2 keeps about its file store (INFORMATION_SCHEMA.SETTINGS, {@code info.*}). */
    private static long storeInfo(HikariDataSource dataSource, String name) throws Exception {
        try (Connection connection = dataSource.getConnection();
                var statement = connection.prepareStatement("SELECT SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS WHERE SETTING_NAME = ?")) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Long.parseLong(rows.getString(1)) : -1;
            }
        }
    }

    /**
     * The B-trees of each table a create writes: H2 keeps a table's rows in one B-tree keyed by the
     * primary key when that is one integer column (else by a hidden row id, the primary key then
     * being an index of its own), and one more per other index.
     */
    private static void printBTrees(HikariDataSource dataSource) throws Exception {
        Map<String, List<String>> byTable = new TreeMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT i.TABLE_NAME, i.INDEX_NAME, i.INDEX_TYPE_NAME,"
                        + " (SELECT COUNT(*) FROM INFORMATION_SCHEMA.INDEX_COLUMNS c WHERE c.INDEX_SCHEMA = i.INDEX_SCHEMA"
                        + " AND c.INDEX_NAME = i.INDEX_NAME) AS COLUMNS,"
                        + " (SELECT MIN(col.DATA_TYPE) FROM INFORMATION_SCHEMA.INDEX_COLUMNS c JOIN INFORMATION_SCHEMA.COLUMNS col"
                        + " ON col.TABLE_SCHEMA = c.TABLE_SCHEMA AND col.TABLE_NAME = c.TABLE_NAME AND col.COLUMN_NAME = c.COLUMN_NAME"
                        + " WHERE c.INDEX_SCHEMA = i.INDEX_SCHEMA AND c.INDEX_NAME = i.INDEX_NAME) AS FIRST_TYPE"
                        + " FROM INFORMATION_SCHEMA.INDEXES i WHERE i.TABLE_SCHEMA = 'PUBLIC' ORDER BY 1, 2")) {
            while (rows.next()) {
                String table = rows.getString(1);
                boolean rowsKeyed = "PRIMARY KEY".equals(rows.getString(3)) && rows.getInt(4) == 1
                        && List.of("BIGINT", "INTEGER").contains(rows.getString(5));
                byTable.computeIfAbsent(table, t -> new ArrayList<>(List.of("(rows)")));
                if (rowsKeyed) {
                    byTable.get(table).set(0, "(rows by " + rows.getString(2) + ")");
                } else {
                    byTable.get(table).add(rows.getString(2));
                }
            }
        }
        int total = 0;
        for (String table : TABLES_A_CREATE_WRITES) {
            List<String> trees = byTable.getOrDefault(table, List.of());
            total += trees.size();
            System.out.printf("%s: %d B-trees %s%n", table, trees.size(), trees);
        }
        System.out.printf("B-trees of the tables a create writes: %d%n", total);
    }
}
