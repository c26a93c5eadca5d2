package io.scimgate.core.directory;

import io.scimgate.core.ErrorCode;
import io.scimgate.core.ScimgateException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The identity provider behind a directory; it selects how its requests are understood. */
public enum DirectoryProvider {
    OKTA, ENTRA, GOOGLE, ONELOGIN, JUMPCLOUD, PINGFEDERATE, RIPPLING, CYBERARK, GENERIC;

    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DirectoryProvider fromSlug(String slug) {
        if (slug == null || slug.isBlank()) {
            return GENERIC;
        }
        for (DirectoryProvider provider : values()) {
            if (provider.slug().equalsIgnoreCase(slug.trim())) {
                return provider;
            }
        }
        throw new ScimgateException(ErrorCode.INVALID_PROVIDER, "provider must be one of "
                + Arrays.stream(values()).map(DirectoryProvider::slug).collect(Collectors.joining(", "))
                + ", not '" + slug + "'");
    }
}
