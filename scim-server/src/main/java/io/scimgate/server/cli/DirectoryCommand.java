package io.scimgate.server.cli;

import io.scimgate.core.ProvisioningCore;
import io.scimgate.core.directory.Directories;
import io.scimgate.core.directory.Directory;
import io.scimgate.core.directory.DirectoryProvider;
import io.scimgate.core.directory.DirectoryToken;
import io.scimgate.core.directory.IssuedToken;
import io.scimgate.server.ServerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "directory", mixinStandardHelpOptions = true, description = "Directories and their SCIM tokens.",
        subcommands = {DirectoryCommand.Create.class, DirectoryCommand.ListAll.class, DirectoryCommand.Token.class})
final class DirectoryCommand {

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = "Creates a directory; prints its SCIM base URL and its token (shown only here).")
    static final class Create extends OperatorCommand {
        @Parameters(index = "0", paramLabel = "ORGANIZATION_ID")
        String organizationId;

        @Option(names = "--name", required = true, description = "e.g. \"Okta\"")
        String name;

        @Option(names = "--provider", required = true,
                description = "okta, entra, google, onelogin, jumpcloud, pingfederate, rippling, cyberark or generic")
        String provider;

        @Override
        void run(ProvisioningCore core, Printed out) {
            Directories.Created created = core.directories().create(organizationId, name, DirectoryProvider.fromSlug(provider));
            print(created.directory(), scimBaseUrl(root().config(), created.directory().id()), out);
            out.field("token", created.token().token()).line("(the token is shown only now; give it to the IdP with the SCIM base URL)");
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists an organization's directories.")
    static final class ListAll extends OperatorCommand {
        @Parameters(index = "0", paramLabel = "ORGANIZATION_ID")
        String organizationId;

        @Override
        void run(ProvisioningCore core, Printed out) {
            ServerConfig config = root().config();
            core.directories().listByOrganization(organizationId)
                    .forEach(directory -> print(directory, scimBaseUrl(config, directory.id()), out.blank()));
        }
    }

    @Command(name = "token", mixinStandardHelpOptions = true,
            description = "A directory's bearer tokens: at most two live, so that an IdP can switch to a new one first.",
            subcommands = {Rotate.class, Revoke.class, ListTokens.class})
    static final class Token {
    }

    @Command(name = "rotate", mixinStandardHelpOptions = true,
            description = {"Issues a new token and prints it (shown only here). The old one keeps working until revoked: "
                    + "put the new one in the IdP, then revoke the old one, or pass --revoke-others to do both now."})
    static final class Rotate extends OperatorCommand {
        @Parameters(index = "0", paramLabel = "DIRECTORY_ID")
        String directoryId;

        @Option(names = "--revoke-others", description = "revoke every other live token of the directory right away")
        boolean revokeOthers;

        @Override
        void run(ProvisioningCore core, Printed out) {
            if (revokeOthers) {
                revokeAll(core, directoryId);
            }
            IssuedToken issued = core.directories().issueToken(directoryId);
            out.field("id", issued.id()).field("directoryId", issued.directoryId()).field("token", issued.token())
                    .line("(the token is shown only now)");
            core.directories().tokens(directoryId).stream()
                    .filter(token -> token.isActive() && !token.id().equals(issued.id()))
                    .forEach(token -> out.line("still live: token " + token.id() + " (revoke it with: scimgate directory token revoke "
                            + directoryId + " " + token.id() + ")"));
        }

        private static void revokeAll(ProvisioningCore core, String directoryId) {
            core.directories().get(directoryId);
            core.directories().tokens(directoryId).stream().filter(DirectoryToken::isActive)
                    .forEach(token -> core.directories().revokeToken(directoryId, token.id()));
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, description = "Revokes one token: requests bearing it get 401 at once.")
    static final class Revoke extends OperatorCommand {
        @Parameters(index = "0", paramLabel = "DIRECTORY_ID")
        String directoryId;

        @Parameters(index = "1", paramLabel = "TOKEN_ID")
        String tokenId;

        @Override
        void run(ProvisioningCore core, Printed out) {
            core.directories().revokeToken(directoryId, tokenId);
            out.line("Revoked token " + tokenId + " of directory " + directoryId + ".");
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists a directory's tokens (never the tokens themselves).")
    static final class ListTokens extends OperatorCommand {
        @Parameters(index = "0", paramLabel = "DIRECTORY_ID")
        String directoryId;

        @Override
        void run(ProvisioningCore core, Printed out) {
            core.directories().get(directoryId);
            core.directories().tokens(directoryId).forEach(token -> out.blank().field("id", token.id())
                    .field("state", token.isActive() ? "active" : "revoked").field("createdAt", token.createdAt())
                    .field("revokedAt", token.revokedAt()));
        }
    }

    private static void print(Directory directory, String scimBaseUrl, Printed out) {
        out.field("id", directory.id()).field("organizationId", directory.organizationId()).field("name", directory.name())
                .field("provider", directory.provider().slug()).field("scimBaseUrl", scimBaseUrl);
    }

    /** With SCIMGATE_PUBLIC_URL, the URL to paste; without it, the address the server would listen on. */
    private static String scimBaseUrl(ServerConfig config, String directoryId) {
        return config.baseUrl(config.port()) + "/scim/v2/" + directoryId;
    }
}
