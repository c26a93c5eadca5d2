package io.scimgate.core.organization;

import java.time.Instant;

/** A customer of the host application. Its members get {@code defaultRole} unless something says otherwise. */
public record Organization(String id, String name, String defaultRole, Instant createdAt, Instant updatedAt) {
}
