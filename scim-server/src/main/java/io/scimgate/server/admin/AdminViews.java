package io.scimgate.server.admin;

import io.scimgate.core.directory.Directory;
import io.scimgate.core.directory.DirectoryToken;
import io.scimgate.core.directory.IssuedToken;
import io.scimgate.core.domain.OrganizationDomain;
import io.scimgate.core.domain.VerificationStrategy;
import io.scimgate.core.organization.Organization;
import java.time.Instant;

/** The JSON shapes of the admin API (camelCase, timestamps in RFC 3339 UTC). */
final class AdminViews {

    private AdminViews() {
    }

    record OrganizationView(String id, String name, String defaultRole, Instant createdAt, Instant updatedAt) {
        static OrganizationView of(Organization organization) {
            return new OrganizationView(organization.id(), organization.name(), organization.defaultRole(),
                    organization.createdAt(), organization.updatedAt());
        }
    }

    record DnsRecord(String type, String name, String value) {
    }

    record DomainView(String id, String organizationId, String domain, String state, String verification,
            DnsRecord dnsRecord, Instant createdAt, Instant verifiedAt) {
        static DomainView of(OrganizationDomain domain) {
            DnsRecord record = domain.verificationStrategy() == VerificationStrategy.DNS
                    ? new DnsRecord("TXT", domain.verificationRecordName(), domain.verificationToken())
                    : null;
            return new DomainView(domain.id(), domain.organizationId(), domain.domain(), domain.state().slug(),
                    domain.verificationStrategy().slug(), record, domain.createdAt(), domain.verifiedAt());
        }
    }

    record DirectoryView(String id, String organizationId, String name, String provider, String state,
            String scimBaseUrl, Instant createdAt, Instant updatedAt) {
        static DirectoryView of(Directory directory, String scimBaseUrl) {
            return new DirectoryView(directory.id(), directory.organizationId(), directory.name(),
                    directory.provider().slug(), directory.state(), scimBaseUrl, directory.createdAt(),
                    directory.updatedAt());
        }
    }

    /** A directory as created: the only time its token is shown. */
    record CreatedDirectoryView(String id, String organizationId, String name, String provider, String state,
            String scimBaseUrl, String token, Instant createdAt, Instant updatedAt) {
        static CreatedDirectoryView of(Directory directory, String scimBaseUrl, IssuedToken token) {
            return new CreatedDirectoryView(directory.id(), directory.organizationId(), directory.name(),
                    directory.provider().slug(), directory.state(), scimBaseUrl, token.token(),
                    directory.createdAt(), directory.updatedAt());
        }
    }

    record TokenView(String id, String directoryId, String state, Instant createdAt, Instant revokedAt) {
        static TokenView of(DirectoryToken token) {
            return new TokenView(token.id(), token.directoryId(), token.isActive() ? "active" : "revoked",
                    token.createdAt(), token.revokedAt());
        }
    }

    record IssuedTokenView(String id, String directoryId, String token, Instant createdAt) {
        static IssuedTokenView of(IssuedToken token) {
            return new IssuedTokenView(token.id(), token.directoryId(), token.token(), token.createdAt());
        }
    }

    record ListView<T>(java.util.List<T> data) {
    }
}
