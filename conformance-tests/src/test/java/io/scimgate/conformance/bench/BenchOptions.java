package io.scimgate.conformance.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Command-line options of the benchmark. {@code --quick} shrinks every size and duration so that a
 * run takes about a minute; the full run uses the sizes of the targets (100,000 users).
 */
record BenchOptions(boolean quick, String url, String adminToken, long serverPid, String dbUrl, String dbUser,
        String dbPassword, List<String> serverJvmOptions, int bigDirectory, int smallDirectory, Duration createTime,
        Duration readTime, int largeGroup) {

    static final String USAGE = """
            Usage: Benchmark [--quick] [--url URL --admin-token TOKEN [--server-pid PID]]
                             [--db-url JDBC_URL [--db-user USER] [--db-password PASSWORD]]
                             [--server-jvm "OPTIONS"] [--jfr FILE]
              --quick        small sizes (2,000 and 500 users, 3 s per workload): about a minute
              --url          a running scimgate to load instead of starting one (measured if --server-pid is given)
              --db-url       the store of the server this benchmark starts (default: H2 in a temporary folder)
              --server-jvm   JVM options of the server this benchmark starts, e.g. "-Xmx512m"
              --jfr          record the server with JDK Flight Recorder (profile settings) into FILE
            """;

    static BenchOptions parse(String[] args) {
        boolean quick = false;
        String url = null;
        String adminToken = null;
        long pid = -1;
        String dbUrl = null;
        String dbUser = null;
        String dbPassword = null;
        List<String> jvm = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--quick" -> quick = true;
                case "--url" -> url = value(args, ++i, arg);
                case "--admin-token" -> adminToken = value(args, ++i, arg);
                case "--server-pid" -> pid = Long.parseLong(value(args, ++i, arg));
                case "--db-url" -> dbUrl = value(args, ++i, arg);
                case "--db-user" -> dbUser = value(args, ++i, arg);
                case "--db-password" -> dbPassword = value(args, ++i, arg);
                case "--server-jvm" -> jvm.addAll(Arrays.stream(value(args, ++i, arg).trim().split("\\s+"))
                        .filter(option -> !option.isEmpty()).toList());
                case "--jfr" -> jvm.add("-XX:StartFlightRecording=settings=profile,filename=" + value(args, ++i, arg));
                case "--help", "-h" -> throw new IllegalArgumentException("");
                default -> {
                    if (!arg.isBlank()) {
                        throw new IllegalArgumentException("Unknown option " + arg);
                    }
                }
            }
        }
        if (url != null && adminToken == null) {
            throw new IllegalArgumentException("--url needs --admin-token");
        }
        return quick
                ? new BenchOptions(true, url, adminToken, pid, dbUrl, dbUser, dbPassword, jvm, 2_000, 500,
                        Duration.ofSeconds(3), Duration.ofSeconds(2), 2_000)
                : new BenchOptions(false, url, adminToken, pid, dbUrl, dbUser, dbPassword, jvm, 100_000, 10_000,
                        Duration.ofSeconds(10), Duration.ofSeconds(5), 100_000);
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }
}
