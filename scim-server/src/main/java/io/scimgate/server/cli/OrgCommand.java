package io.scimgate.server.cli;

import io.scimgate.core.ProvisioningCore;
import io.scimgate.core.organization.Organization;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "org", mixinStandardHelpOptions = true, description = "Organizations.",
        subcommands = {OrgCommand.Create.class, OrgCommand.ListAll.class})
final class OrgCommand {

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Creates an organization and prints its id.")
    static final class Create extends OperatorCommand {
        @Parameters(paramLabel = "NAME", description = "the organization's name")
        String name;

        @Override
        void run(ProvisioningCore core, Printed out) {
            print(core.organizations().create(name), out);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the organizations.")
    static final class ListAll extends OperatorCommand {
        @Override
        void run(ProvisioningCore core, Printed out) {
            core.organizations().list().forEach(organization -> print(organization, out.blank()));
        }
    }

    static void print(Organization organization, Printed out) {
        out.field("id", organization.id()).field("name", organization.name()).field("defaultRole", organization.defaultRole());
    }
}
