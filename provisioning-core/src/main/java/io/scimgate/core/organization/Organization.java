package io.scimgate.core.organization;

import java.time.Instant;

/**
 * A customer of the host application. Its members get {@code defaultRole} unless group mapping
 * says otherwise (P22); {@code sendInvitations} off means invitations are created but not handed
 * to the invitation sender (P14).
 */
public record Organization(String id, String name, String defaultRole, boolean sendInvitations, Instant createdAt,
        Instant updatedAt) {
}
