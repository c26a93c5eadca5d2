package io.scimgate.conformance.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * CPU seconds used so far by processes of this machine, read from {@code /proc} (proc(5)): the
 * server's, the benchmark's own, and a local PostgreSQL's. Their sum per request bounds what two
 * cores can serve when client, server and database share them.
 */
final class ProcCpu {

    private static final long CLOCK_TICKS_PER_SECOND = 100;

    /** A PostgreSQL backend's title: {@code postgres: 15/main: user database host(port) state}. */
    private static final Pattern BACKEND = Pattern.compile("^postgres: (?:\\S+: )?\\S+ (\\S+) \\S*\\(\\d+\\)");

    private ProcCpu() {
    }

    /** User plus system CPU seconds of process {@code pid}, NaN if it is gone. */
    static double ofProcess(long pid) {
        long[] times = times(pid);
        return times == null ? Double.NaN : (times[UTIME] + times[STIME]) / (double) CLOCK_TICKS_PER_SECOND;
    }

    /** This benchmark's own process: the client side of every request. */
    static double ofThisProcess() {
        return ofProcess(ProcessHandle.current().pid());
    }

    /**
     * The local PostgreSQL serving {@code database}: its backends connected to that database, the
     * postmaster's other children (WAL writer, checkpointer, background writer, launchers) and the
     * postmaster with every child it has reaped (an autovacuum worker's time lands there when it
     * exits). Backends of other databases and other PostgreSQL servers are left out, so tests running
     * against the same server do not count, except through backends that exit during the run.
     */
    static double ofPostgres(String database) {
        List<PostgresProcess> all = new ArrayList<>();
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : (Iterable<Path>) processes::iterator) {
                String name = process.getFileName().toString();
                if (name.chars().allMatch(Character::isDigit) && "postgres".equals(command(Long.parseLong(name)))) {
                    long pid = Long.parseLong(name);
                    long[] times = times(pid);
                    if (times != null) {
                        all.add(new PostgresProcess(pid, times, title(pid)));
                    }
                }
            }
        } catch (IOException e) {
            return Double.NaN;
        }
        Set<Long> postmasters = new HashSet<>();
        for (PostgresProcess process : all) {
            if (database.equals(process.database())) {
                postmasters.add(process.times[PPID]);
            }
        }
        long ticks = 0;
        for (PostgresProcess process : all) {
            String backendOf = process.database();
            if (postmasters.contains(process.pid)) {
                ticks += process.times[UTIME] + process.times[STIME] + process.times[CUTIME] + process.times[CSTIME];
            } else if (postmasters.contains(process.times[PPID]) && (backendOf == null || backendOf.equals(database))) {
                ticks += process.times[UTIME] + process.times[STIME];
            }
        }
        return ticks / (double) CLOCK_TICKS_PER_SECOND;
    }

    private record PostgresProcess(long pid, long[] times, String title) {
        /** The database of a backend, null for the postmaster and its shared processes. */
        String database() {
            Matcher backend = BACKEND.matcher(title);
            return backend.find() ? backend.group(1) : null;
        }
    }

    private static final int PPID = 0;
    private static final int UTIME = 1;
    private static final int STIME = 2;
    private static final int CUTIME = 3;
    private static final int CSTIME = 4;

    /** ppid, utime, stime, cutime, cstime (fields 4 and 14–17 of proc(5)), or null. */
    private static long[] times(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return new long[] {Long.parseLong(fields[1]), Long.parseLong(fields[11]), Long.parseLong(fields[12]),
                    Long.parseLong(fields[13]), Long.parseLong(fields[14])};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String command(long pid) {
        try {
            return Files.readString(Path.of("/proc/" + pid + "/comm")).trim();
        } catch (IOException e) {
            return "";
        }
    }

    private static String title(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc/" + pid + "/cmdline")), StandardCharsets.UTF_8)
                    .replace('\0', ' ').trim();
        } catch (IOException e) {
            return "";
        }
    }
}
