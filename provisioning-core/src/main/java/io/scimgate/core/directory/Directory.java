package io.scimgate.core.directory;

import java.time.Instant;

/**
 * One identity-provider connection of one organization. {@code rateLimitPerSecond} and
 * {@code rateLimitBurst} override the server's request budget for this directory when set;
 * {@code activity} is what its identity provider has been doing.
 */
public record Directory(
        String id,
        String organizationId,
        String name,
        DirectoryProvider provider,
        String state,
        Instant createdAt,
        Instant updatedAt,
        Integer rateLimitPerSecond,
        Integer rateLimitBurst,
        DirectoryActivity activity) {
}
