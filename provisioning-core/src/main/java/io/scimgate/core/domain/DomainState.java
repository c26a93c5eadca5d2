package io.scimgate.core.domain;

import java.util.Locale;

public enum DomainState {
    PENDING, VERIFIED, FAILED;

    public String slug() {
        return name().toLowerCase(Locale.ROOT);
    }
}
