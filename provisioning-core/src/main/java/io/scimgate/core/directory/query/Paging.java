package io.scimgate.core.directory.query;

import java.util.Objects;

/** Which page of the matches a query returns: by index (RFC 7644 §3.4.2.4) or by cursor (RFC 9865). */
public sealed interface Paging {

    int count();

    /** The {@code count} matches from the 1-based {@code startIndex}; a count of 0 asks only for the total. */
    record ByIndex(int startIndex, int count) implements Paging {
        public ByIndex {
            if (startIndex < 1 || count < 0) {
                throw new IllegalArgumentException("startIndex starts at 1 and count is not negative: " + startIndex + ", " + count);
            }
        }
    }

    /**
     * Up to {@code count} matches from {@code cursor}: empty for the first page of a walk, else a
     * {@link ResultPage#nextCursor} or {@link ResultPage#previousCursor} of the same query.
     */
    record ByCursor(String cursor, int count) implements Paging {
        public ByCursor {
            Objects.requireNonNull(cursor, "cursor");
            if (count < 1) {
                throw new IllegalArgumentException("a cursor page has at least one item: " + count);
            }
        }
    }
}
