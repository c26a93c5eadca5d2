package io.scimgate.server.logging;

import ch.qos.logback.classic.LoggerContext;
import org.slf4j.ILoggerFactory;
import org.slf4j.LoggerFactory;

/**
 * Writes out what the runnable server's asynchronous appender still holds, then stops Logback:
 * the last thing the command line does before its process ends. A host application with another
 * SLF4J provider (Logback is an optional dependency) is left alone.
 */
public final class LogbackShutdown {

    private static final String LOGBACK_CONTEXT = "ch.qos.logback.classic.LoggerContext";

    private LogbackShutdown() {
    }

    public static void flushAndStop() {
        ILoggerFactory factory = LoggerFactory.getILoggerFactory();
        // By name first: casting would load Logback's classes where they are absent.
        if (factory.getClass().getName().equals(LOGBACK_CONTEXT)) {
            ((LoggerContext) factory).stop();
        }
    }
}
