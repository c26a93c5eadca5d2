package io.scimgate.core.directory;

import java.time.Instant;

/** A user of a directory as stored; {@code version} grows by one with every change. */
public record DirectoryUser(
        String id,
        String directoryId,
        long seq,
        String userName,
        String externalId,
        boolean active,
        String displayName,
        String givenName,
        String familyName,
        String primaryEmail,
        String title,
        String employeeNumber,
        String department,
        String attributes,
        long version,
        Instant createdAt,
        Instant updatedAt) {
}
