package io.scimgate.server.cli;

import io.scimgate.core.ProvisioningCore;
import io.scimgate.core.ErrorCode;
import io.scimgate.core.ScimgateException;
import io.scimgate.core.domain.OrganizationDomain;
import io.scimgate.core.domain.VerificationStrategy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "domain", mixinStandardHelpOptions = true, description = "An organization's domains.",
        subcommands = {DomainCommand.Add.class, DomainCommand.Verify.class, DomainCommand.ListAll.class})
final class DomainCommand {

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Adds a domain to an organization; with dns verification, prints the TXT record to publish.")
    static final class Add extends OperatorCommand {
        @Parameters(index = "0", paramLabel = "ORGANIZATION_ID")
        String organizationId;

        @Parameters(index = "1", paramLabel = "DOMAIN", description = "e.g. acme.com")
        String domain;

        @Option(names = "--verification", paramLabel = "dns|manual", defaultValue = "dns",
                description = "dns (a TXT record proves it) or manual (the operator vouches for it); default: ${DEFAULT-VALUE}")
        String verification;

        @Override
        void run(ProvisioningCore core, Printed out) {
            print(core.domains().add(organizationId, domain, VerificationStrategy.fromSlug(verification)), out);
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Verifies a domain: manual at once, dns when its TXT record holds the issued value.")
    static final class Verify extends OperatorCommand {
        @Parameters(index = "0", paramLabel = "ORGANIZATION_ID")
        String organizationId;

        @Parameters(index = "1", paramLabel = "DOMAIN", description = "the domain's id, or the domain itself")
        String domain;

        @Override
        void run(ProvisioningCore core, Printed out) {
            print(core.domains().verify(organizationId, idOf(core, organizationId, domain)), out);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists an organization's domains.")
    static final class ListAll extends OperatorCommand {
        @Parameters(index = "0", paramLabel = "ORGANIZATION_ID")
        String organizationId;

        @Override
        void run(ProvisioningCore core, Printed out) {
            core.domains().list(organizationId).forEach(domain -> print(domain, out.blank()));
        }
    }

    private static String idOf(ProvisioningCore core, String organizationId, String domainOrId) {
        return core.domains().list(organizationId).stream()
                .filter(domain -> domain.id().equals(domainOrId) || domain.domain().equalsIgnoreCase(domainOrId.trim()))
                .map(OrganizationDomain::id)
                .findFirst()
                .orElseThrow(() -> new ScimgateException(ErrorCode.DOMAIN_NOT_FOUND,
                        "Organization " + organizationId + " has no domain " + domainOrId));
    }

    private static void print(OrganizationDomain domain, Printed out) {
        out.field("id", domain.id()).field("domain", domain.domain()).field("state", domain.state().name().toLowerCase())
                .field("verification", domain.verificationStrategy().slug());
        if (domain.verificationStrategy() == VerificationStrategy.DNS && !domain.isVerified()) {
            out.field("dnsRecord", domain.verificationRecordName() + " TXT \"" + domain.verificationToken() + "\"");
        }
    }
}
