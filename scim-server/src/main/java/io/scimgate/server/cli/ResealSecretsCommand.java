package io.scimgate.server.cli;

import io.scimgate.core.ProvisioningCore;
import picocli.CommandLine.Command;

@Command(name = "reseal-secrets", mixinStandardHelpOptions = true,
        description = {"Seals every stored secret again with the first key of SCIMGATE_SECRET_KEY, so that the older keys "
                + "after it can be dropped. Safe to run while servers run."})
final class ResealSecretsCommand extends OperatorCommand {

    @Override
    void run(ProvisioningCore core, Printed out) {
        int resealed = core.storedSecrets().resealWithNewestKey();
        out.line("Re-sealed " + resealed + " secret(s) with key " + root().config().secretBox().keyId()
                + "; the other keys can be dropped from SCIMGATE_SECRET_KEY.");
    }
}
