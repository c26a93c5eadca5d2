package io.scimgate.server.cli;

import io.scimgate.server.ServerConfig;
import io.scimgate.server.config.ConfigurationException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code scimgate}: the server ({@code serve}, the default) and the operator's commands that work on
 * the store directly. Exit codes: 0 done, 1 the operation was refused or failed (the message says
 * why), 2 bad usage or configuration.
 */
@Command(name = "scimgate", mixinStandardHelpOptions = true, versionProvider = ScimgateCommand.Version.class,
        sortOptions = false, usageHelpAutoWidth = true,
        description = "SCIM 2.0 provisioning server. Without a command, serves.",
        subcommands = {ServeCommand.class, HealthCommand.class, MigrateCommand.class, ResetAdminTokenCommand.class, ResealSecretsCommand.class,
                OrgCommand.class, DomainCommand.class, DirectoryCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Settings come from SCIMGATE_* environment variables over the configuration file (see README.md).",
                "Exit codes: 0 done, 1 refused or failed, 2 bad usage or configuration."})
public final class ScimgateCommand implements Callable<Integer> {

    public static final int DONE = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    @Option(names = "--config", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "scimgate.properties to read settings from (default: $SCIMGATE_CONFIG); environment variables win")
    Path configFile;

    private final Map<String, String> environment;

    ScimgateCommand(Map<String, String> environment) {
        this.environment = environment;
    }

    /** Runs the command line and returns its exit code; the server keeps running until the JVM is told to stop. */
    public static int run(Map<String, String> environment, PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = new CommandLine(new ScimgateCommand(environment));
        commandLine.setOut(out);
        commandLine.setErr(err);
        commandLine.setExecutionExceptionHandler(new Failures());
        return commandLine.execute(args);
    }

    @Override
    public Integer call() throws Exception {
        return new ServeCommand(this).call();
    }

    /** The settings, from {@code --config} or {@code SCIMGATE_CONFIG} and the environment. */
    ServerConfig config() {
        return ServerConfig.load(configFile, environment);
    }

    /** Errors that are the operator's to fix are one line on stderr with an exit code, never a stack trace. */
    private static final class Failures implements CommandLine.IExecutionExceptionHandler {
        @Override
        public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parsed) {
            PrintWriter err = commandLine.getErr();
            if (e instanceof ConfigurationException) {
                err.println(e.getMessage());
                return USAGE;
            }
            if (e instanceof io.scimgate.core.ScimgateException refused) {
                err.println("Error (" + refused.code().wireName() + "): " + refused.getMessage());
                return FAILED;
            }
            if (e instanceof StoreUnavailable unavailable) {
                err.println("Error: " + unavailable.getMessage());
                return FAILED;
            }
            err.println("Error: " + e);
            e.printStackTrace(err);
            return FAILED;
        }
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = ScimgateCommand.class.getPackage().getImplementationVersion();
            return new String[] {"scimgate " + (version != null ? version : "(development build)"),
                    "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
