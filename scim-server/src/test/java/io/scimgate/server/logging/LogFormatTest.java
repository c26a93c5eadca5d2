package io.scimgate.server.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.scimgate.server.ServerConfig;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/** The runnable server's own logback.xml (not the tests'), in both formats. */
class LogFormatTest {

    /** Only in the runnable jar and the image, never on the library's classpath: read from the module's sources. */
    private static final Path RUNNABLE_SERVER_CONFIGURATION = Path.of("src/runnable/logback.xml");

    private final LogFormat before = LogFormat.current();

    @AfterEach
    void restore() {
        LogFormat.use(before);
        MDC.clear();
    }

    /**
     * Logs {@code lines} through a logger context configured by the server's logback.xml, and
     * returns what its console appenders wrote.
     */
    private static String written(java.util.function.Consumer<LoggerContext> lines) throws Exception {
        java.io.PrintStream console = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            LoggerContext context = new LoggerContext();
            context.setMDCAdapter(MDC.getMDCAdapter());
            JoranConfigurator configurator = new JoranConfigurator();
            configurator.setContext(context);
            configurator.doConfigure(RUNNABLE_SERVER_CONFIGURATION.toFile());
            lines.accept(context);
            context.stop();
        } finally {
            System.setOut(console);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void jsonWritesOneObjectALineWithTheRequestFields() throws Exception {
        LogFormat.use(LogFormat.JSON);
        MDC.put(LogFields.REQUEST_ID, "req-1");
        MDC.put(LogFields.DIRECTORY_ID, "dir-1");
        String written = written(context -> context.getLogger(RequestLogging.ACCESS_LOGGER)
                .info("GET {} {}", "/scim/v2/dir-1/Users", 200));

        assertEquals(1, written.lines().count(), "one JSON line, no text line: " + written);
        JsonNode line = new ObjectMapper().readTree(written);
        assertEquals("INFO", line.get("level").asText());
        assertEquals("scimgate.access", line.get("loggerName").asText());
        assertEquals("GET /scim/v2/dir-1/Users 200", line.get("formattedMessage").asText());
        assertEquals("req-1", line.get("mdc").get("requestId").asText());
        assertEquals("dir-1", line.get("mdc").get("directoryId").asText());
        assertTrue(!line.has("arguments") && !line.has("message"), "the message once, formatted: " + line);
    }

    @Test
    void textIsTheDefaultWithTheRequestIdOnEachLine() throws Exception {
        LogFormat.use(ServerConfig.from(Map.of()).get(ServerConfig.LOG_FORMAT));
        MDC.put(LogFields.REQUEST_ID, "req-2");
        String line = written(context -> context.getLogger("io.scimgate.server.Example").warn("something to see"));

        assertEquals(1, line.lines().count(), "one text line, no JSON: " + line);
        assertTrue(line.contains("WARN") && line.contains("[req-2]") && line.contains("something to see") && !line.startsWith("{"),
                line);
    }

    @Test
    void textNamesTheDirectoryAfterTheRequestIdWhenThereIsOne() throws Exception {
        LogFormat.use(LogFormat.TEXT);
        MDC.put(LogFields.REQUEST_ID, "req-3");
        MDC.put(LogFields.DIRECTORY_ID, "dir-3");
        String line = written(context -> context.getLogger(RequestLogging.ACCESS_LOGGER).info("GET /scim/v2/dir-3/Users 200 1ms"));

        assertTrue(line.contains(" scimgate.access [req-3 dir-3] - GET /scim/v2/dir-3/Users 200 1ms"), line);
    }

    @Test
    void everyLineQueuedBeforeLogbackStopsIsWritten() throws Exception {
        LogFormat.use(LogFormat.TEXT);
        int lines = 5_000;
        String written = written(context -> {
            org.slf4j.Logger access = context.getLogger(RequestLogging.ACCESS_LOGGER);
            for (int i = 0; i < lines; i++) {
                MDC.put(LogFields.REQUEST_ID, "req-" + i);
                access.info("GET /health/live 200 0ms");
            }
        });

        assertEquals(lines, written.lines().count(), "the queue is written out on stop, nothing dropped");
        assertTrue(written.lines().allMatch(line -> line.contains("[req-")), "each line keeps the MDC it was logged with");
        assertTrue(written.contains("[req-0]") && written.contains("[req-" + (lines - 1) + "]"), "the first and the last line");
    }

    @Test
    void theFormatIsASettingCheckedAtStart() {
        assertEquals(LogFormat.JSON, ServerConfig.from(Map.of("SCIMGATE_LOG_FORMAT", "JSON")).get(ServerConfig.LOG_FORMAT));
        Exception bad = assertThrows(RuntimeException.class,
                () -> ServerConfig.from(Map.of("SCIMGATE_LOG_FORMAT", "xml")));
        assertTrue(bad.getMessage().contains("SCIMGATE_LOG_FORMAT") && bad.getMessage().contains("json or text"), bad.getMessage());
    }
}
