package io.scimgate.core.google;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** One page of a Google list call: its items and the token of the next page, null on the last. */
record ApiPage(List<ObjectNode> items, String nextPageToken) {

    /**
     * Fetches every page in order, handing each to {@code each} as soon as it arrived. A page that
     * fails after its retries ends the walk with the exception: the caller then knows the listing
     * is incomplete.
     */
    static void walk(Fetch fetch, Consumer<List<ObjectNode>> each) {
        Set<String> seenTokens = new HashSet<>();
        String token = null;
        int number = 0;
        do {
            ApiPage page = fetch.page(token, ++number);
            each.accept(page.items());
            token = page.nextPageToken();
            if (token != null && !seenTokens.add(token)) {
                throw new GoogleApiException(200, null, "Google repeated the page token " + token + "; the listing would never end");
            }
        } while (token != null);
    }

    /** Reads one page: the first when {@code token} is null; {@code number} (from 1) is for messages. */
    @FunctionalInterface
    interface Fetch {
        ApiPage page(String token, int number);
    }
}
