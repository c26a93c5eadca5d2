package io.scimgate.server;

import com.zaxxer.hikari.HikariDataSource;
import io.scimgate.core.ProvisioningCore;
import io.scimgate.core.store.DataSources;
import io.scimgate.server.config.ConfigurationException;
import java.util.concurrent.CountDownLatch;
import org.slf4j.bridge.SLF4JBridgeHandler;

/**
 * {@code java -jar scimgate.jar} starts the server; {@code java -jar scimgate.jar reset-admin-token}
 * replaces the stored admin token and prints the new one.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        SLF4JBridgeHandler.removeHandlersForRootLogger();
        SLF4JBridgeHandler.install();
        ServerConfig config;
        try {
            config = ServerConfig.fromEnvironment();
        } catch (ConfigurationException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        config.warnings().forEach(warning -> System.err.println("Warning: " + warning));
        if (args.length > 0 && args[0].equals("reset-admin-token")) {
            resetAdminToken(config);
            return;
        }
        if (args.length > 0) {
            System.err.println("Usage: java -jar scimgate.jar [reset-admin-token]");
            System.exit(2);
        }
        ScimgateServer server = ScimgateServer.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "scimgate-shutdown"));
        printBanner(server, config);
        stopped.await();
    }

    private static void printBanner(ScimgateServer server, ServerConfig config) {
        String base = server.baseUrl();
        StringBuilder banner = new StringBuilder()
                .append("\nscimgate is running\n")
                .append("  SCIM base URL : ").append(base).append("/scim/v2/{directoryId}\n")
                .append("  Admin API     : ").append(base).append("/admin/v1\n")
                .append("  Store         : ").append(config.dbUrl()).append('\n')
                .append("  Google keys   : ").append(config.secretBox() != null ? "stored encrypted (SCIMGATE_SECRET_KEY)"
                        : "only as key files on this host (set SCIMGATE_SECRET_KEY to store them encrypted)").append('\n')
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
        System.out.println(banner);
    }

    private static void resetAdminToken(ServerConfig config) {
        try (HikariDataSource dataSource = DataSources.pooled(config.dbUrl(), config.dbUser(), config.dbPassword())) {
            ProvisioningCore core = ProvisioningCore.builder().dataSource(dataSource).build();
            System.out.println("New admin token (shown once): " + core.adminTokens().reset());
        }
    }
}
