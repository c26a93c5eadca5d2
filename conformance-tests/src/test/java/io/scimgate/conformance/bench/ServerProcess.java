package io.scimgate.conformance.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The server under load: a scimgate this benchmark started as a child process (so that its CPU
 * time and memory are its own, read from {@code /proc/<pid>}), or one already running elsewhere
 * whose process, if given by pid, is measured the same way.
 */
final class ServerProcess implements AutoCloseable {

    private static final Pattern BASE_URL = Pattern.compile("SCIM base URL : (http://[^/]+)/scim/v2");

    private final Process child;
    private final long pid;
    private final String url;
    private final Path dataFolder;
    private final OutputTail output;

    private ServerProcess(Process child, long pid, String url, Path dataFolder, OutputTail output) {
        this.child = child;
        this.pid = pid;
        this.url = url;
        this.dataFolder = dataFolder;
        this.output = output;
    }

    /** A running server, measured only when {@code pid} is positive. */
    static ServerProcess attach(String url, long pid) {
        return new ServerProcess(null, pid, url, null, null);
    }

    /**
     * Starts {@code io.scimgate.server.cli.Main} with this JVM's class path on a free loopback port,
     * on a fresh H2 file in a temporary folder unless {@code dbUrl} names another store.
     */
    static ServerProcess start(String dbUrl, String dbUser, String dbPassword, String adminToken, List<String> jvmOptions,
            Map<String, String> extraEnvironment) {
        try {
            Path folder = dbUrl == null ? Files.createTempDirectory("scimgate-bench-") : null;
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new ArrayList<>();
            command.add(java);
            command.addAll(jvmOptions);
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.scimgate.server.cli.Main"));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            Map<String, String> env = builder.environment();
            env.put("SCIMGATE_PORT", "0");
            env.put("SCIMGATE_BIND", "127.0.0.1");
            env.put("SCIMGATE_ADMIN_TOKEN", adminToken);
            env.remove("SCIMGATE_PUBLIC_URL");
            env.put("SCIMGATE_DB_URL", dbUrl != null ? dbUrl : "jdbc:h2:file:" + folder.resolve("scimgate").toAbsolutePath());
            if (dbUser != null) {
                env.put("SCIMGATE_DB_USER", dbUser);
            }
            if (dbPassword != null) {
                env.put("SCIMGATE_DB_PASSWORD", dbPassword);
            }
            env.putAll(extraEnvironment);
            Process child = builder.start();
            OutputTail output = new OutputTail(child);
            String url = awaitBaseUrl(child, output);
            return new ServerProcess(child, child.pid(), url, folder, output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String awaitBaseUrl(Process child, OutputTail tail) throws IOException {
        BufferedReader output = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        String line;
        while (System.nanoTime() < deadline && (line = output.readLine()) != null) {
            seen.append(line).append('\n');
            Matcher matcher = BASE_URL.matcher(line);
            if (matcher.find()) {
                Thread drain = new Thread(() -> tail.drain(output), "bench-server-output");
                drain.setDaemon(true);
                drain.start();
                return matcher.group(1);
            }
        }
        child.destroyForcibly();
        throw new IllegalStateException("The server did not start:\n" + seen);
    }

    String url() {
        return url;
    }

    boolean measured() {
        return pid > 0 && Files.exists(Path.of("/proc/" + pid + "/stat"));
    }

    /** User plus system CPU seconds the server process has used so far. */
    double cpuSeconds() {
        return measured() ? ProcCpu.ofProcess(pid) : Double.NaN;
    }

    /** Resident memory now, in MiB. */
    double rssMiB() {
        return statusField("VmRSS:");
    }

    /** The largest resident memory the process has had, in MiB. */
    double peakRssMiB() {
        return statusField("VmHWM:");
    }

    private double statusField(String name) {
        if (!measured()) {
            return Double.NaN;
        }
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith(name)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }

    @Override
    public void close() {
        if (output != null) {
            output.stopping(child.isAlive());
        }
        if (child != null) {
            child.destroy();
            try {
                if (!child.waitFor(30, TimeUnit.SECONDS)) {
                    child.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                child.destroyForcibly();
            }
        }
        if (dataFolder != null) {
            try (var files = Files.walk(dataFolder)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException ignored) {
                // a temporary folder
            }
        }
    }

    /**
     * The server's last lines of output, kept while the benchmark runs (the whole of it would be the
     * access log of every request): printed if the server ends before the benchmark stops it, so that
     * a run that breaks says why.
     */
    private static final class OutputTail {

        private static final int LINES = 200;

        private final Process child;
        private final java.util.ArrayDeque<String> last = new java.util.ArrayDeque<>(LINES);
        private volatile boolean stopping;
        private final java.util.concurrent.atomic.AtomicBoolean reported = new java.util.concurrent.atomic.AtomicBoolean();

        OutputTail(Process child) {
            this.child = child;
        }

        /** The benchmark stops the server; one that has already ended (its failure ends the benchmark) is reported. */
        void stopping(boolean running) {
            stopping = true;
            if (!running) {
                reportEarlyEnd();
            }
        }

        void drain(BufferedReader output) {
            try {
                for (String line; (line = output.readLine()) != null; ) {
                    synchronized (last) {
                        if (last.size() == LINES) {
                            last.removeFirst();
                        }
                        last.addLast(line);
                    }
                }
            } catch (IOException closed) {
                // the server's output ended
            }
            if (!stopping) {
                reportEarlyEnd();
            }
        }

        private void reportEarlyEnd() {
            if (!reported.compareAndSet(false, true)) {
                return;
            }
            String exit;
            try {
                exit = child.waitFor(5, TimeUnit.SECONDS) ? "exit code " + child.exitValue() : "still running";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                exit = "unknown";
            }
            StringBuilder report = new StringBuilder("bench: the server's output ended before the benchmark stopped it ("
                    + exit + "); its last lines:\n");
            synchronized (last) {
                last.forEach(line -> report.append("  ").append(line).append('\n'));
            }
            System.err.print(report);
            System.err.flush();
        }
    }
}
