package io.scimgate.server.logging;

import java.util.Locale;

/**
 * How the server writes its log: {@code text} lines for a terminal, or one {@code json} object a
 * line for a log collector ({@code SCIMGATE_LOG_FORMAT}). Both appenders are declared in the
 * server's {@code logback.xml}; {@link LogFormatFilter} lets only the chosen one write.
 */
public enum LogFormat {
    TEXT, JSON;

    private static volatile LogFormat current = fromEnvironment();

    /** Switches the format from now on (at start, once the configuration file is read). */
    public static void use(LogFormat format) {
        current = format;
    }

    public static LogFormat current() {
        return current;
    }

    public static LogFormat parse(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "text" -> TEXT;
            case "json" -> JSON;
            default -> throw new IllegalArgumentException("must be json or text, not '" + text + "'");
        };
    }

    /** Until the configuration is read, the variable alone decides, so that the first lines already have the format. */
    private static LogFormat fromEnvironment() {
        try {
            String set = System.getenv("SCIMGATE_LOG_FORMAT");
            return set == null || set.isBlank() ? TEXT : parse(set);
        } catch (IllegalArgumentException e) {
            return TEXT; // reported by name when the configuration is validated
        }
    }
}
