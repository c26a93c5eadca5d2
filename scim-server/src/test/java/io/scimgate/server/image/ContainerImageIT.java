package io.scimgate.server.image;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimgate.core.testing.TestDatabase;
import io.scimgate.core.testing.TestDatabases;
import io.scimgate.server.testing.ScimgateProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container image the build makes (README: Container image), as a container runtime would see
 * it: the image-check tarball (Jib, the same configuration as {@code -Pimage}, on the empty base
 * "scratch" since no registry is reachable from the build) is unpacked layer by layer, its
 * configuration is checked, and its entrypoint is run from the unpacked application layers with the
 * image's working directory. What this cannot check is the Java runtime of the base image itself.
 */
class ContainerImageIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CLASSPATH_FILE = "@/app/jib-classpath-file";

    @TempDir
    static Path unpacked;
    private static Path root;
    private static JsonNode config;

    private final TestDatabase database = TestDatabases.create();

    @BeforeAll
    static void unpackTheImage() throws Exception {
        Path image = Path.of(System.getProperty("scimgate.image.check", "target/jib-image-check.tar"));
        assertTrue(Files.isRegularFile(image), image + " was not built");
        Path archive = Files.createDirectories(unpacked.resolve("archive"));
        tar("-xf", image.toString(), "-C", archive.toString());
        JsonNode manifest = JSON.readTree(archive.resolve("manifest.json").toFile()).get(0);
        config = JSON.readTree(archive.resolve(manifest.get("Config").asText()).toFile()).get("config");
        root = Files.createDirectories(unpacked.resolve("rootfs"));
        for (JsonNode layer : manifest.get("Layers")) {
            // As a runtime does: each layer over the previous ones, permissions as recorded.
            tar("-xzpf", archive.resolve(layer.asText()).toString(), "-C", root.toString());
        }
    }

    @AfterEach
    void dropTheDatabase() {
        TestDatabases.drop(database);
    }

    @Test
    void theImageRunsScimgateAsANonRootUserWithItsStoreOnTheDataVolume() throws IOException {
        assertEquals("10001:10001", config.get("User").asText());
        assertEquals("/data", config.get("WorkingDir").asText());
        assertTrue(config.get("Volumes").has("/data"), config.toString());
        assertTrue(config.get("ExposedPorts").has("8080/tcp"), config.toString());
        Map<String, String> environment = environment();
        assertEquals("0.0.0.0", environment.get("SCIMGATE_BIND"));
        assertEquals("jdbc:h2:file:/data/scimgate", environment.get("SCIMGATE_DB_URL"));
        List<String> entrypoint = entrypoint();
        assertEquals("java", entrypoint.get(0));
        assertEquals(List.of("-cp", CLASSPATH_FILE, "io.scimgate.server.cli.Main"),
                entrypoint.subList(entrypoint.size() - 3, entrypoint.size()));
        List<String> jvmOptions = entrypoint.subList(1, entrypoint.size() - 3);
        assertEquals(List.of("-Xmx256m", "-XX:+UseParallelGC", "-XX:TrimNativeHeapInterval=5000"), jvmOptions);
        assertTrue(Files.readString(Path.of("..", "README.md")).contains("java " + String.join(" ", jvmOptions) + " -jar "),
                "README's start command runs the image's JVM options");
        assertTrue(Files.isDirectory(root.resolve("data")), "the image has /data");
        assertTrue(Files.getPosixFilePermissions(root.resolve("data")).contains(PosixFilePermission.OTHERS_WRITE),
                "the non-root user can create its store in /data");
    }

    @Test
    void itsEntrypointStartsAServerThatIsReadyAndStopsCleanlyOnSigterm() throws Exception {
        List<String> javaArgs = new ArrayList<>();
        List<String> entrypoint = entrypoint();
        for (String argument : entrypoint.subList(1, entrypoint.size())) {
            javaArgs.add(argument.equals(CLASSPATH_FILE) ? "@" + relocatedClasspathFile() : argument);
        }
        Map<String, String> environment = new HashMap<>(environment());
        // Loopback and a free port for the test; the store is this run's (H2 or PostgreSQL).
        environment.putAll(ScimgateProcess.environment(database, null));
        Path data = Files.createDirectories(unpacked.resolve("data-" + System.nanoTime()));
        try (ScimgateProcess server = ScimgateProcess.java(javaArgs, data, environment)) {
            String baseUrl = server.awaitBaseUrl();
            HttpResponse<String> ready = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(baseUrl + "/health/ready"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, ready.statusCode(), ready.body());
            assertTrue(server.output().contains("Admin token"), server.output());
            server.terminate();
            int exitCode = server.awaitExit(60);
            // 143 is the JVM's exit status after SIGTERM once its shutdown hooks ran, as a container reports it.
            assertTrue(exitCode == 0 || exitCode == 143, () -> "exit code " + exitCode + ":\n" + server.output());
            assertTrue(server.output().contains("scimgate stopped"), server.output());
        }
    }

    private static Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>();
        config.get("Env").forEach(entry -> {
            String[] pair = entry.asText().split("=", 2);
            environment.put(pair[0], pair[1]);
        });
        return environment;
    }

    private static List<String> entrypoint() {
        List<String> entrypoint = new ArrayList<>();
        config.get("Entrypoint").forEach(argument -> entrypoint.add(argument.asText()));
        return entrypoint;
    }

    /** The image's class path file, with /app read from where the layers were unpacked. */
    private static Path relocatedClasspathFile() throws IOException {
        String classpath = Files.readString(root.resolve("app/jib-classpath-file")).strip();
        String relocated = List.of(classpath.split(":")).stream()
                .map(entry -> {
                    assertTrue(entry.startsWith("/app/"), entry);
                    Path file = root.resolve(entry.substring(1));
                    return file.toString();
                })
                .collect(Collectors.joining(":"));
        Path file = unpacked.resolve("classpath-" + System.nanoTime());
        Files.writeString(file, relocated);
        return file;
    }

    private static void tar(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("tar"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "tar did not finish");
        assertEquals(0, process.exitValue(), String.join(" ", command) + ": " + output);
    }
}
