package io.scimgate.server.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "reseal-secrets", mixinStandardHelpOptions = true,
        description = {"Seals every stored secret again with the first key of SCIMGATE_SECRET_KEY, so that the older keys "
                + "after it can be dropped. Safe to run while servers run."})
final class ResealSecretsCommand implements Callable<Integer> {

    @ParentCommand
    private ScimgateCommand parent;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        try (Store store = Store.open(parent.config())) {
            int resealed = store.core().storedSecrets().resealWithNewestKey();
            spec.commandLine().getOut().println("Re-sealed " + resealed + " secret(s) with key "
                    + parent.config().secretBox().keyId() + "; the other keys can be dropped from SCIMGATE_SECRET_KEY.");
        }
        return ScimgateCommand.DONE;
    }
}
