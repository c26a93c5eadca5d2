package io.scimgate.core.domain;

import io.scimgate.core.ErrorCode;
import io.scimgate.core.ScimgateException;
import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A domain name in the one form every rule compares (P1): lower case, no trailing dot,
 * internationalised labels in their ASCII (punycode) form.
 */
public final class DomainName {

    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final int MAX_LENGTH = 253;

    private DomainName() {
    }

    public static String normalize(String input) {
        if (input == null || input.isBlank()) {
            throw invalid(input);
        }
        String name = input.trim();
        if (name.endsWith(".")) {
            name = name.substring(0, name.length() - 1);
        }
        String ascii;
        try {
            ascii = IDN.toASCII(name, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw invalid(input);
        }
        String[] labels = ascii.split("\\.", -1);
        if (ascii.length() > MAX_LENGTH || labels.length < 2) {
            throw invalid(input);
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                throw invalid(input);
            }
        }
        return ascii;
    }

    /** The domain of an e-mail address in normalised form, or null when it has none usable. */
    public static String ofEmail(String email) {
        if (email == null) {
            return null;
        }
        int at = email.trim().lastIndexOf('@');
        if (at < 0) {
            return null;
        }
        try {
            return normalize(email.trim().substring(at + 1));
        } catch (ScimgateException e) {
            return null;
        }
    }

    private static ScimgateException invalid(String input) {
        return new ScimgateException(ErrorCode.INVALID_DOMAIN, "'" + input + "' is not a valid domain name");
    }
}
