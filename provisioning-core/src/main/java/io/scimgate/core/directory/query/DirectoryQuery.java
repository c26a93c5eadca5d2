package io.scimgate.core.directory.query;

import java.util.Locale;
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
     * What a cursor carries so that it is not replayed on another query: a hash of the filter and
     * the sort as text, the same on every instance and after a restart. Written as release 0.1's
     * SCIM layer wrote it where the query says the same (no filter; a sort by a plain attribute
     * name, ascending by default or descending), so that such a walk goes on across an upgrade; a
     * cursor of a filtered 0.1 walk is refused as another query's, and its walk starts again.
     */
    public String fingerprint() {
        return Integer.toHexString(Objects.hash(filter == null ? "" : filter.toString(),
                sort == null ? "" : sort.attribute().toLowerCase(Locale.ROOT),
                sort == null || !sort.descending() ? "" : "DESCENDING"));
    }
}
