package io.scimgate.server.cli;

import io.scimgate.core.ProvisioningCore;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** A command that works on the store: opens it, does one thing through the core, prints the outcome, closes it. */
abstract class OperatorCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** The top command, with --config; operator commands are nested one or two levels below it. */
    ScimgateCommand root() {
        Object command = spec.root().userObject();
        return (ScimgateCommand) command;
    }

    @Override
    public final Integer call() {
        try (Store store = Store.open(root().config())) {
            run(store.core(), new Printed(spec.commandLine().getOut()));
        }
        return ScimgateCommand.DONE;
    }

    abstract void run(ProvisioningCore core, Printed out);
}
