package io.scimgate.server.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * A {@code scimgate.properties} file: {@code key = value} lines in UTF-8 with the keys of
 * {@link Setting#fileKey()} ({@code port}, {@code db.url}, {@code secret.key}…) and {@code #} comments.
 */
public record ConfigurationFile(Path path, Map<String, String> entries) {

    /** Where the path of the configuration file can be given instead of {@code --config}. */
    public static final String VARIABLE = "SCIMGATE_CONFIG";

    public static ConfigurationFile read(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new ConfigurationException(java.util.List.of(
                    VARIABLE + " / --config: the configuration file " + path.toAbsolutePath() + " does not exist"));
        }
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException | IllegalArgumentException e) {
            throw new ConfigurationException(java.util.List.of(
                    VARIABLE + " / --config: the configuration file " + path.toAbsolutePath() + " cannot be read: " + e.getMessage()));
        }
        Map<String, String> entries = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().sorted().forEach(key -> entries.put(key.trim(), properties.getProperty(key)));
        return new ConfigurationFile(path, Map.copyOf(entries));
    }

    public static ConfigurationFile none() {
        return new ConfigurationFile(null, Map.of());
    }

    String describe() {
        return path == null ? "no file" : path.toString();
    }
}
