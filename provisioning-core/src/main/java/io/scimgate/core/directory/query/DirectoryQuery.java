package io.scimgate.core.directory.query;

import java.util.Objects;

/**
 * A list request on a directory's users or groups.
 *
 * @param filter what the resources must match, or null for all of them
 * @param sort their order, or null for the order they were created in
 */
public record DirectoryQuery(Filter filter, Sort sort, Paging paging) {
    public DirectoryQuery {
        Objects.requireNonNull(paging, "paging");
    }

    /**
     * What a cursor carries so that it is not replayed on another query: the filter and the sort,
     * as text (stable across instances and restarts).
     */
    public String fingerprint() {
        return Integer.toHexString(Objects.hash(String.valueOf(filter), String.valueOf(sort)));
    }
}
