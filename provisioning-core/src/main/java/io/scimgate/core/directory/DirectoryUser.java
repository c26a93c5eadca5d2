package io.scimgate.core.directory;

import java.time.Instant;
import java.util.List;

/**
 * A user of a directory as stored; {@code version} grows by one with every change.
 * {@code customAttributes} (a JSON object) holds its mapped values as computed with mapping version
 * {@code customAttributesVersion} (P27); {@code idpRoles} the role values its directory sent (P28).
 */
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
        String customAttributes,
        long customAttributesVersion,
        List<String> idpRoles,
        long version,
        Instant createdAt,
        Instant updatedAt) {
}
