package io.scimgate.server.scim.paging;

import io.scimgate.core.directory.query.Paging;
import io.scimgate.server.scim.ScimProblem;

/**
 * How a list request pages: by index (RFC 7644 §3.4.2.4, the default) or by cursor (RFC 9865).
 * Index paging follows what IdPs send (IDP-QUIRKS.md §10.14): {@code startIndex} below 1 reads as
 * 1, a negative {@code count} as 0, and a count above the maximum is capped.
 *
 * @param cursor null for index paging; empty for the first page of a cursor walk
 */
public record PageSpec(int startIndex, int count, String cursor) {

    public static final int MAX_RESULTS = 100;
    public static final int DEFAULT_PAGE_SIZE = 100;

    public static PageSpec of(Integer startIndex, Integer count, String cursor) {
        if (cursor != null) {
            if (startIndex != null) {
                throw ScimProblem.invalidValue("Page either by startIndex or by cursor, not both");
            }
            if (count != null && count < 1) {
                throw new ScimProblem(400, "invalidCount", "With cursor paging, count must be between 1 and " + MAX_RESULTS);
            }
            return new PageSpec(1, count == null ? DEFAULT_PAGE_SIZE : Math.min(count, MAX_RESULTS), cursor.strip());
        }
        int start = startIndex == null || startIndex < 1 ? 1 : startIndex;
        int size = count == null ? DEFAULT_PAGE_SIZE : Math.max(0, Math.min(count, MAX_RESULTS));
        return new PageSpec(start, size, null);
    }

    public boolean byCursor() {
        return cursor != null;
    }

    /** The core's paging of this request. */
    public Paging paging() {
        return byCursor() ? new Paging.ByCursor(cursor, count) : new Paging.ByIndex(startIndex, count);
    }
}
