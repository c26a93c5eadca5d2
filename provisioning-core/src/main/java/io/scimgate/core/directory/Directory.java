package io.scimgate.core.directory;

import java.time.Instant;

/** One identity-provider connection of one organization. */
public record Directory(
        String id,
        String organizationId,
        String name,
        DirectoryProvider provider,
        String state,
        Instant createdAt,
        Instant updatedAt) {
}
