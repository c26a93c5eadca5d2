package io.scimgate.core.domain;

import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Public mailbox providers whose domains no organization may claim (P2): whoever controls
 * gmail.com is not an employer.
 */
public final class ConsumerDomains {

    public static final Set<String> DEFAULTS = Set.of(
            "gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "live.com", "msn.com",
            "yahoo.com", "ymail.com", "icloud.com", "me.com", "mac.com", "aol.com",
            "proton.me", "protonmail.com", "pm.me", "gmx.com", "gmx.net", "gmx.de", "mail.com",
            "yandex.com", "yandex.ru", "zoho.com", "qq.com", "163.com", "web.de", "tutanota.com", "fastmail.com");

    private final Set<String> domains;

    public ConsumerDomains(Collection<String> domains) {
        this.domains = domains.stream().map(DomainName::normalize).collect(Collectors.toUnmodifiableSet());
    }

    public static ConsumerDomains defaults() {
        return new ConsumerDomains(DEFAULTS);
    }

    public boolean contains(String normalizedDomain) {
        return domains.contains(normalizedDomain);
    }
}
