package io.scimgate.core.directory;

import java.util.List;

/**
 * What a directory says about one of its users: the attributes the core reads or filters on,
 * plus {@code attributes}, the whole resource as a JSON document, kept and returned as sent.
 */
public record DirectoryUserData(
        String userName,
        String externalId,
        boolean active,
        String displayName,
        String givenName,
        String familyName,
        List<EmailAddress> emails,
        String title,
        String employeeNumber,
        String department,
        String attributes) {

    public DirectoryUserData {
        emails = emails == null ? List.of() : List.copyOf(emails);
    }
}
