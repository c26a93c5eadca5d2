package io.scimgate.server.admin;

import io.scimgate.core.directory.Directory;
import io.scimgate.core.directory.DirectoryActivity;
import io.scimgate.core.directory.DirectoryToken;
import io.scimgate.core.directory.IssuedToken;
import io.scimgate.core.domain.OrganizationDomain;
import io.scimgate.core.domain.VerificationStrategy;
import io.scimgate.core.organization.Organization;
import com.fasterxml.jackson.databind.JsonNode;
import io.scimgate.core.events.Event;
import io.scimgate.core.invitation.DeliveryStatus;
import io.scimgate.core.invitation.Invitation;
import io.scimgate.core.invitation.IssuedInvitation;
import io.scimgate.core.membership.GroupRoles;
import io.scimgate.core.membership.Membership;
import io.scimgate.core.user.User;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/** The JSON shapes of the admin API (camelCase, timestamps in RFC 3339 UTC). */
final class AdminViews {

    private AdminViews() {
    }

    record OrganizationView(String id, String name, String defaultRole, boolean sendInvitations, Instant createdAt,
            Instant updatedAt) {
        static OrganizationView of(Organization organization) {
            return new OrganizationView(organization.id(), organization.name(), organization.defaultRole(),
                    organization.sendInvitations(), organization.createdAt(), organization.updatedAt());
        }
    }

    record DnsRecord(String type, String name, String value) {
    }

    /** A domain; a pending DNS domain shows when its TXT record was last looked up and when it will be next. */
    record DomainView(String id, String organizationId, String domain, String state, String verification,
            DnsRecord dnsRecord, Instant createdAt, Instant verifiedAt, Instant lastCheckedAt, Instant nextCheckAt) {
        static DomainView of(OrganizationDomain domain) {
            boolean dns = domain.verificationStrategy() == VerificationStrategy.DNS;
            DnsRecord record = dns ? new DnsRecord("TXT", domain.verificationRecordName(), domain.verificationToken()) : null;
            return new DomainView(domain.id(), domain.organizationId(), domain.domain(), domain.state().slug(),
                    domain.verificationStrategy().slug(), record, domain.createdAt(), domain.verifiedAt(),
                    domain.lastCheckedAt(), dns ? domain.nextCheckAt() : null);
        }
    }

    /** A directory's own request budget; null when it uses the server's default. */
    record RateLimitView(int requestsPerSecond, int burst) {
        static RateLimitView of(Directory directory) {
            return directory.rateLimitPerSecond() == null ? null
                    : new RateLimitView(directory.rateLimitPerSecond(), directory.rateLimitBurst());
        }
    }

    /** A directory, with its activity: {@code activatedAt} (null until its first authenticated request), the last request and error, and counts. */
    record DirectoryView(String id, String organizationId, String name, String provider, String state,
            String scimBaseUrl, RateLimitView rateLimit, Instant activatedAt, Instant lastRequestAt, Instant lastErrorAt,
            long requestCount, long errorCount, Instant createdAt, Instant updatedAt) {
        static DirectoryView of(Directory directory, String scimBaseUrl) {
            DirectoryActivity activity = directory.activity();
            return new DirectoryView(directory.id(), directory.organizationId(), directory.name(),
                    directory.provider().slug(), directory.state(), scimBaseUrl, RateLimitView.of(directory),
                    activity.activatedAt(), activity.lastRequestAt(), activity.lastErrorAt(), activity.requestCount(),
                    activity.errorCount(), directory.createdAt(), directory.updatedAt());
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

    record ListView<T>(List<T> data) {
    }

    /** A page of a longer list: pass {@code listMetadata.after} as {@code after} for the next page (null at the end). */
    record PageView<T>(List<T> data, ListMetadata listMetadata) {
        static <T> PageView<T> of(List<T> data, int limit, Function<T, String> cursorOf) {
            String after = data.size() < limit || data.isEmpty() ? null : cursorOf.apply(data.get(data.size() - 1));
            return new PageView<>(data, new ListMetadata(after));
        }
    }

    record ListMetadata(String after) {
    }

    record UserView(String id, String email, String firstName, String lastName, boolean emailVerified,
            Instant createdAt, Instant updatedAt) {
        static UserView of(User user) {
            return new UserView(user.id(), user.email(), user.firstName(), user.lastName(), user.emailVerified(),
                    user.createdAt(), user.updatedAt());
        }
    }

    record UserWithMembershipsView(String id, String email, String firstName, String lastName, boolean emailVerified,
            List<MembershipView> memberships, Instant createdAt, Instant updatedAt) {
        static UserWithMembershipsView of(User user, List<Membership> memberships) {
            return new UserWithMembershipsView(user.id(), user.email(), user.firstName(), user.lastName(),
                    user.emailVerified(), memberships.stream().map(m -> MembershipView.of(m, null)).toList(),
                    user.createdAt(), user.updatedAt());
        }
    }

    record MembershipView(String id, String organizationId, String userId, String email, String status, String role,
            boolean directoryManaged, Instant createdAt, Instant updatedAt) {
        static MembershipView of(Membership membership, String email) {
            return new MembershipView(membership.id(), membership.organizationId(), membership.userId(), email,
                    membership.status().slug(), membership.role(), membership.directoryManaged(),
                    membership.createdAt(), membership.updatedAt());
        }
    }

    record InvitationView(String id, String organizationId, String userId, String email, String state,
            String directoryId, Instant expiresAt, Instant acceptedAt, Instant revokedAt, Instant deliveredAt,
            String lastDeliveryError, DeliveryStatus delivery, Instant createdAt, Instant updatedAt) {
        static InvitationView of(Invitation invitation, DeliveryStatus delivery) {
            return new InvitationView(invitation.id(), invitation.organizationId(), invitation.userId(),
                    invitation.email(), invitation.state().slug(), invitation.directoryId(), invitation.expiresAt(),
                    invitation.acceptedAt(), invitation.revokedAt(), invitation.deliveredAt(),
                    invitation.lastDeliveryError(), delivery, invitation.createdAt(), invitation.updatedAt());
        }
    }

    /** An invitation issued or renewed by the operator, with the new token to hand over (shown only here). */
    record IssuedInvitationView(InvitationView invitation, String token, String acceptUrl) {
        static IssuedInvitationView of(IssuedInvitation issued, DeliveryStatus delivery) {
            return new IssuedInvitationView(InvitationView.of(issued.invitation(), delivery), issued.token(), issued.acceptUrl());
        }
    }

    record EventView(long id, String event, String organizationId, String directoryId, JsonNode data, Instant createdAt) {
        static EventView of(Event event) {
            return new EventView(event.id(), event.event(), event.organizationId(), event.directoryId(), event.data(),
                    event.createdAt());
        }
    }

    record GroupRolesView(List<GroupRoles.Mapping> mappings) {
    }
}
