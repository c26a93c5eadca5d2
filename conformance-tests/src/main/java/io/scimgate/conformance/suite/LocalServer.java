package io.scimgate.conformance.suite;

/**
 * A scimgate started in this JVM for the suite when no deployed one is named, found with
 * {@link java.util.ServiceLoader}: the conformance module's own tests provide one; the standalone
 * runner has none and always tests the server at {@code --url}.
 */
public interface LocalServer {

    /** The server's root URL, e.g. {@code http://127.0.0.1:41234}; the server is started by then. */
    String url();

    /** The admin API's bearer token of that server. */
    String adminToken();
}
