package io.scimgate.core.directory.query;

import java.util.Objects;

/** What a list is sorted by (an attribute the catalogue marks sortable), and in which direction. */
public record Sort(String attribute, boolean descending) {
    public Sort {
        Objects.requireNonNull(attribute, "attribute");
    }
}
