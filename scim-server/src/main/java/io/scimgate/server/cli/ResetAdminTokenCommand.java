package io.scimgate.server.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "reset-admin-token", mixinStandardHelpOptions = true,
        description = "Replaces the stored admin token with a new one and prints it (once). SCIMGATE_ADMIN_TOKEN, when set, still wins.")
final class ResetAdminTokenCommand implements Callable<Integer> {

    @ParentCommand
    private ScimgateCommand parent;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        try (Store store = Store.open(parent.config())) {
            spec.commandLine().getOut().println("New admin token (shown once): " + store.core().adminTokens().reset());
        }
        return ScimgateCommand.DONE;
    }
}
