package io.scimgate.server.cli;

import com.zaxxer.hikari.HikariDataSource;
import io.scimgate.core.ScimgateStore;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = "Applies the pending schema migrations to the store and exits (the server also does it at start).")
final class MigrateCommand implements Callable<Integer> {

    @ParentCommand
    private ScimgateCommand parent;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        try (HikariDataSource dataSource = Store.dataSource(parent.config())) {
            ScimgateStore.Migrated migrated = ScimgateStore.migrate(dataSource, parent.config().dbSchema());
            spec.commandLine().getOut().println(migrated.applied() == 0
                    ? "The store is up to date (schema version " + migrated.schemaVersion() + ")."
                    : "Applied " + migrated.applied() + " migration(s); schema version " + migrated.schemaVersion() + ".");
        }
        return ScimgateCommand.DONE;
    }
}
