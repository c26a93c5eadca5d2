package io.scimgate.server.testing;

import io.scimgate.core.testing.TestDatabase;
import io.scimgate.server.cli.Main;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * scimgate in a process of its own, as an operator runs it: {@code java -jar scimgate.jar} (the
 * jar the build made, in integration tests) or its main class on this test's class path. Its
 * output is kept, for assertions and for failure messages.
 */
public final class ScimgateProcess implements AutoCloseable {

    private static final Pattern BASE_URL = Pattern.compile("SCIM base URL : (https?://[^/]+)/scim/v2");

    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final Thread reader;

    private ScimgateProcess(Process process) {
        this.process = process;
        this.reader = new Thread(() -> {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    output.append(line).append('\n');
                }
            } catch (IOException ignored) {
                // the process ended
            }
        }, "scimgate-process-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** The jar the build made: {@code -Dscimgate.jar}, set by the integration-test run. */
    public static Path builtJar() {
        String jar = System.getProperty("scimgate.jar");
        if (jar == null) {
            throw new IllegalStateException("-Dscimgate.jar is not set: run this as an integration test (mvn verify)");
        }
        return Path.of(jar);
    }

    /** {@code java -jar jar args}, with the settings of {@link #environment} plus {@code extra}. */
    public static ScimgateProcess jar(Path jar, Map<String, String> environment, String... args) {
        return start(List.of("-jar", jar.toString()), environment, args);
    }

    /** scimgate's main class on this JVM's class path. */
    public static ScimgateProcess classpath(Map<String, String> environment, String... args) {
        return start(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()), environment, args);
    }

    /** The settings of a server on {@code database}, on a free loopback port, with {@code adminToken}. */
    public static Map<String, String> environment(TestDatabase database, String adminToken) {
        Map<String, String> environment = new HashMap<>();
        environment.put("SCIMGATE_PORT", "0");
        environment.put("SCIMGATE_BIND", "127.0.0.1");
        environment.put("SCIMGATE_DB_URL", database.jdbcUrl());
        if (adminToken != null) {
            environment.put("SCIMGATE_ADMIN_TOKEN", adminToken);
        }
        if (database.user() != null) {
            environment.put("SCIMGATE_DB_USER", database.user());
            environment.put("SCIMGATE_DB_PASSWORD", database.password());
        }
        return environment;
    }

    /** {@code java javaArgs args} in {@code workingDirectory}, as a container runs its entrypoint. */
    public static ScimgateProcess java(List<String> javaArgs, Path workingDirectory, Map<String, String> environment,
            String... args) {
        return start(javaArgs, workingDirectory, environment, args);
    }

    private static ScimgateProcess start(List<String> javaArgs, Map<String, String> environment, String... args) {
        return start(javaArgs, null, environment, args);
    }

    private static ScimgateProcess start(List<String> javaArgs, Path workingDirectory, Map<String, String> environment,
            String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaArgs);
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (workingDirectory != null) {
            builder.directory(workingDirectory.toFile());
        }
        builder.environment().keySet().removeIf(name -> name.startsWith("SCIMGATE_"));
        builder.environment().putAll(environment);
        try {
            return new ScimgateProcess(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits for the start banner and returns the base URL it prints. */
    public String awaitBaseUrl() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            Matcher matcher = BASE_URL.matcher(output);
            if (matcher.find()) {
                return matcher.group(1);
            }
            if (!process.isAlive()) {
                break;
            }
            pause();
        }
        throw new AssertionError("The server process did not start:\n" + output);
    }

    /** Waits for the process to end by itself and returns its exit code. */
    public int awaitExit(long seconds) {
        try {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                throw new AssertionError("The process did not end within " + seconds + " s:\n" + output);
            }
            reader.join(5000);
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * SIGTERM, as an orchestrator stops a container. Through the process handle: {@code Process.destroy()}
     * would also close the pipe of its output, losing what the process prints while it stops.
     */
    public void terminate() {
        process.toHandle().destroy();
    }

    /** SIGKILL. */
    public void kill() {
        process.destroyForcibly();
    }

    public String output() {
        return output.toString();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
