package io.scimgate.server.logging;

/** Names of the request fields every log line of a request carries (SLF4J MDC; {@code mdc} in JSON). */
public final class LogFields {

    public static final String REQUEST_ID = "requestId";
    public static final String METHOD = "method";
    public static final String PATH = "path";
    public static final String STATUS = "status";
    public static final String DURATION_MS = "durationMs";
    public static final String DIRECTORY_ID = "directoryId";
    public static final String PROVIDER = "provider";
    public static final String OUTCOMES = "outcomes";

    private LogFields() {
    }
}
