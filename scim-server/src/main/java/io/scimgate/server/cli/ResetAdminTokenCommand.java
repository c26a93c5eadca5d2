package io.scimgate.server.cli;

import io.scimgate.core.ProvisioningCore;
import picocli.CommandLine.Command;

@Command(name = "reset-admin-token", mixinStandardHelpOptions = true,
        description = "Replaces the stored admin token with a new one and prints it (once). SCIMGATE_ADMIN_TOKEN, when set, still wins.")
final class ResetAdminTokenCommand extends OperatorCommand {

    @Override
    void run(ProvisioningCore core, Printed out) {
        out.line("New admin token (shown once): " + core.adminTokens().reset());
    }
}
