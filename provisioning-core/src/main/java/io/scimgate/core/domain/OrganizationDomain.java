package io.scimgate.core.domain;

import java.time.Instant;

/**
 * A domain claimed by an organization. {@code state} is as read now: a domain left pending
 * for longer than the verification window reads as failed (P3).
 *
 * @param lastCheckedAt when the background check last looked its TXT record up (DNS domains)
 * @param nextCheckAt when the background check looks again, while the domain is pending
 */
public record OrganizationDomain(
        String id,
        String organizationId,
        String domain,
        DomainState state,
        VerificationStrategy verificationStrategy,
        String verificationToken,
        String verificationRecordName,
        Instant createdAt,
        Instant verifiedAt,
        Instant lastCheckedAt,
        Instant nextCheckAt) {

    public boolean isVerified() {
        return state == DomainState.VERIFIED;
    }
}
