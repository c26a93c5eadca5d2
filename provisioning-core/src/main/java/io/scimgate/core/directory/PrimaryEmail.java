package io.scimgate.core.directory;

import io.scimgate.core.domain.DomainName;
import java.util.List;
import java.util.Optional;

/**
 * P8: the e-mail address that stands for a directory user. The entry marked primary; else the
 * first of type work; else the first entry; else the userName when it is an e-mail address.
 */
public final class PrimaryEmail {

    private PrimaryEmail() {
    }

    public static Optional<String> of(List<EmailAddress> emails, String userName) {
        List<EmailAddress> usable = emails.stream()
                .filter(email -> email.value() != null && !email.value().isBlank())
                .toList();
        Optional<EmailAddress> chosen = usable.stream().filter(EmailAddress::primary).findFirst()
                .or(() -> usable.stream().filter(email -> "work".equalsIgnoreCase(trimmed(email.type()))).findFirst())
                .or(() -> usable.stream().findFirst());
        if (chosen.isPresent()) {
            return Optional.of(chosen.get().value().trim());
        }
        return isEmailAddress(userName) ? Optional.of(userName.trim()) : Optional.empty();
    }

    static boolean isEmailAddress(String value) {
        if (value == null) {
            return false;
        }
        String candidate = value.trim();
        int at = candidate.lastIndexOf('@');
        return at > 0 && candidate.indexOf('@') == at && !candidate.contains(" ") && DomainName.ofEmail(candidate) != null;
    }

    private static String trimmed(String value) {
        return value == null ? null : value.trim();
    }
}
