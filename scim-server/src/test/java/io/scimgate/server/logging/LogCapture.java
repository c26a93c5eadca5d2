package io.scimgate.server.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.JsonEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.LoggerFactory;

/**
 * Everything logged while it is open, at every level, each event also rendered by Logback's JSON
 * encoder (message, arguments, MDC and stack trace), as a log collector would receive it.
 */
final class LogCapture extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    private final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();
    private final List<String> rendered = new CopyOnWriteArrayList<>();
    private final JsonEncoder encoder = new JsonEncoder();
    private final Logger root;
    private final Level rootLevel;

    private LogCapture(Level level) {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        rootLevel = root.getLevel();
        setContext(context);
        encoder.setContext(context);
        encoder.setWithFormattedMessage(true);
        encoder.start();
        start();
        root.addAppender(this);
        root.setLevel(level);
    }

    /** Captures INFO and above (the server's default level). */
    static LogCapture info() {
        return new LogCapture(Level.INFO);
    }

    /** Captures everything down to DEBUG, for proving what never appears. */
    static LogCapture everything() {
        return new LogCapture(Level.DEBUG);
    }

    @Override
    protected void append(ILoggingEvent event) {
        event.prepareForDeferredProcessing();
        events.add(event);
        rendered.add(new String(encoder.encode(event), StandardCharsets.UTF_8));
    }

    List<ILoggingEvent> events(String loggerName) {
        return events.stream().filter(event -> event.getLoggerName().equals(loggerName)).toList();
    }

    /** All that was logged, as the JSON a collector receives. */
    String text() {
        return String.join("", rendered);
    }

    @Override
    public void close() {
        root.detachAppender(this);
        root.setLevel(rootLevel);
        stop();
    }
}
