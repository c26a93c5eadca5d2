package io.scimgate.server.cli;

import io.scimgate.server.ScimgateServer;
import io.scimgate.server.ServerConfig;
import io.scimgate.server.logging.LogbackShutdown;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Starts the server (the default command) and runs until stopped (SIGTERM or Ctrl-C: graceful).")
final class ServeCommand implements Callable<Integer> {

    @ParentCommand
    private ScimgateCommand parent;

    @Spec
    private CommandSpec spec;

    ServeCommand() {
    }

    ServeCommand(ScimgateCommand parent) {
        this.parent = parent;
    }

    @Override
    public Integer call() throws InterruptedException {
        ServerConfig config = parent.config();
        PrintWriter err = spec != null ? spec.commandLine().getErr() : new PrintWriter(System.err, true);
        config.warnings().forEach(warning -> err.println("Warning: " + warning));
        ScimgateServer server = ScimgateServer.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("scimgate stopping: no new connections; requests in flight get up to "
                    + config.get(ServerConfig.SHUTDOWN_GRACE).toSeconds() + " s");
            server.close();
            LogbackShutdown.flushAndStop();
            System.out.println("scimgate stopped");
            System.out.flush();
            stopped.countDown();
        }, "scimgate-shutdown"));
        System.out.println(banner(server, config));
        System.out.flush();
        stopped.await();
        return ScimgateCommand.DONE;
    }

    private static String banner(ScimgateServer server, ServerConfig config) {
        String base = server.baseUrl();
        StringBuilder banner = new StringBuilder()
                .append("\nscimgate is running\n")
                .append("  SCIM base URL : ").append(base).append("/scim/v2/{directoryId}\n")
                .append("  Admin API     : ").append(base).append("/admin/v1\n")
                .append("  Health        : ").append(base).append("/health/ready\n")
                .append("  Store         : ").append(config.dbUrl()).append('\n')
                .append("  Google keys   : ").append(config.secretBox() != null ? "stored encrypted (SCIMGATE_SECRET_KEY)"
                        : "only as key files on this host (set SCIMGATE_SECRET_KEY to store them encrypted)").append('\n')
                .append("  Console       : ").append(base).append("/console/\n")
                .append("  Invitations   : ").append(server.invitationDelivery()).append('\n');
        if (server.generatedAdminToken().isPresent()) {
            banner.append("  Admin token   : ").append(server.generatedAdminToken().get())
                    .append("\n                  (shown once; stored only as a hash)\n");
        } else if (config.adminToken() != null) {
            banner.append("  Admin token   : the value of SCIMGATE_ADMIN_TOKEN\n");
        } else {
            banner.append("  Admin token   : shown at first start; to get a new one, stop the server and run\n")
                    .append("                  java -jar scim-server/target/scimgate.jar reset-admin-token\n");
        }
        banner.append("  Next          : create an organization and a directory (see README.md);\n")
                .append("                  the directory's SCIM token is shown when it is created.\n");
        return banner.toString();
    }
}
