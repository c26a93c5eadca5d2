package io.scimgate.core.directory.query;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a query: its items, the number of matches over all pages, and where it is: its
 * {@code startIndex} for index paging, its neighbours' cursors for cursor paging (null when none).
 */
public record ResultPage<T>(List<T> items, int total, Integer startIndex, String nextCursor, String previousCursor) {

    public ResultPage {
        items = List.copyOf(items);
    }

    public <U> ResultPage<U> map(Function<T, U> mapper) {
        return new ResultPage<>(items.stream().map(mapper).toList(), total, startIndex, nextCursor, previousCursor);
    }
}
