package io.scimgate.server.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.scimgate.server.ServerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README's configuration table names every setting, so operators can find what they may set. */
class ConfigurationDocumentedTest {

    @Test
    void everySettingHasARowInTheReadme() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        List<String> missing = ServerConfig.settings().stream()
                .map(Setting::variable)
                .filter(variable -> !readme.contains("`" + variable + "`"))
                .collect(Collectors.toList());
        assertEquals(List.of(), missing, "settings the README does not document");
    }
}
