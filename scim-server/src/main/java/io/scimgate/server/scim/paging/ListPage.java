package io.scimgate.server.scim.paging;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list: its items, the number of matches over all pages, and where it is: its
 * {@code startIndex} for index paging, its neighbours' cursors for cursor paging (null when none).
 */
public record ListPage<T>(List<T> items, int total, Integer startIndex, String nextCursor, String previousCursor) {

    public <U> ListPage<U> map(Function<T, U> mapper) {
        return new ListPage<>(items.stream().map(mapper).toList(), total, startIndex, nextCursor, previousCursor);
    }
}
