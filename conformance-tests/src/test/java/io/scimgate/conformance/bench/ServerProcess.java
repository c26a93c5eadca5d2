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

    private ServerProcess(Process child, long pid, String url, Path dataFolder) {
        this.child = child;
        this.pid = pid;
        this.url = url;
        this.dataFolder = dataFolder;
    }

    /** A running server, measured only when {@code pid} is positive. */
    static ServerProcess attach(String url, long pid) {
        return new ServerProcess(null, pid, url, null);
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
            String url = awaitBaseUrl(child);
            return new ServerProcess(child, child.pid(), url, folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String awaitBaseUrl(Process child) throws IOException {
        BufferedReader output = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        String line;
        while (System.nanoTime() < deadline && (line = output.readLine()) != null) {
            seen.append(line).append('\n');
            Matcher matcher = BASE_URL.matcher(line);
            if (matcher.find()) {
                Thread drain = new Thread(() -> {
                    try {
                        while (output.readLine() != null) {
                            // the server's log is not needed once it runs
                        }
                    } catch (IOException closed) {
                        // the server stopped
                    }
                }, "bench-server-output");
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
}
