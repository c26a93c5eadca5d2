package io.scimgate.server.cli;

import io.scimgate.server.logging.LogbackShutdown;
import java.io.PrintWriter;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * {@code java -jar scimgate.jar [command]}: starts the server, or runs one of the operator's
 * commands ({@code --help} lists them; see {@link ScimgateCommand}). It lives with the commands, not in
 * the root package, so that the root package (the server a host embeds) does not depend on the command line.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        int exitCode = ScimgateCommand.run(System.getenv(), new PrintWriter(System.out, true), new PrintWriter(System.err, true),
                args);
        LogbackShutdown.flushAndStop();
        System.exit(exitCode);
    }
}
