package io.scimgate.conformance.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Command-line options of the benchmark. {@code --quick} shrinks every size and duration so that a
 * run takes about a minute; the full run uses the sizes of the targets (100,000 users).
 */
record BenchOptions(boolean quick, String url, String adminToken, long serverPid, String dbUrl, String dbUser,
        String dbPassword, List<String> serverJvmOptions, int bigDirectory, int smallDirectory, Duration createTime,
        Duration readTime, int largeGroup, Set<String> only) {

    /**
     * The server's JVM options unless --server-jvm sets a heap: those README's start command and the
     * image run (the JVM's default heap, a quarter of the RAM, is not what a server runs with).
     */
    static final List<String> DEFAULT_JVM = List.of("-Xmx256m", "-XX:+UseParallelGC", "-XX:TrimNativeHeapInterval=5000");

    /** The groups of workloads, for {@code --only}; {@code render} runs only when named. */
    static final Set<String> GROUPS = Set.of("ceiling", "create", "sync", "reads", "writes", "groups", "render");

    boolean runs(String group) {
        return only.isEmpty() && !group.equals("render") || only.contains(group);
    }

    static final String USAGE = """
            Usage: Benchmark [--quick] [--url URL --admin-token TOKEN [--server-pid PID]]
                             [--db-url JDBC_URL [--db-user USER] [--db-password PASSWORD]]
                             [--server-jvm "OPTIONS"] [--jfr FILE]
              --quick        small sizes (2,000 and 500 users, 3 s per workload): about a minute
              --url          a running scimgate to load instead of starting one (measured if --server-pid is given)
              --db-url       the store of the server this benchmark starts (default: H2 in a temporary folder)
              --server-jvm   JVM options of the server this benchmark starts (default: README's, "-Xmx256m
                             -XX:+UseParallelGC -XX:TrimNativeHeapInterval=5000", unless they set -Xmx)
              --jfr          record the server with JDK Flight Recorder (profile settings) into FILE
              --only GROUPS  run only these comma-separated groups: ceiling, create, sync, reads, writes, groups,
                             render (reads, writes, groups and render need sync, which seeds the large
                             directory; render, only when named: GET by id and cursor pages of the large
                             directory in alternating rounds, to compare builds; create with sync also
                             measures creates once more after the sync, with the JIT done)
              --seconds N    run each timed workload N seconds (creates: twice that)
              --users N      the large directory's size (default 100,000, quick 2,000); the small one has a tenth
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
        Set<String> only = new LinkedHashSet<>();
        Integer seconds = null;
        Integer users = null;
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
                case "--only" -> only.addAll(Arrays.stream(value(args, ++i, arg).split(",")).map(String::trim).toList());
                case "--seconds" -> seconds = Integer.parseInt(value(args, ++i, arg));
                case "--users" -> users = Integer.parseInt(value(args, ++i, arg));
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
        if (!GROUPS.containsAll(only)) {
            throw new IllegalArgumentException("--only takes " + String.join(", ", new java.util.TreeSet<>(GROUPS)));
        }
        Duration read = Duration.ofSeconds(seconds != null ? seconds : quick ? 2 : 5);
        Duration create = Duration.ofSeconds(seconds != null ? 2L * seconds : quick ? 3 : 10);
        if (jvm.stream().noneMatch(option -> option.startsWith("-Xmx"))) {
            jvm.addAll(0, DEFAULT_JVM);
        }
        int big = users != null ? users : quick ? 2_000 : 100_000;
        int small = users != null ? Math.max(100, users / 10) : quick ? 500 : 10_000;
        return new BenchOptions(quick, url, adminToken, pid, dbUrl, dbUser, dbPassword, jvm, big, small, create, read,
                big, Set.copyOf(only));
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }
}
