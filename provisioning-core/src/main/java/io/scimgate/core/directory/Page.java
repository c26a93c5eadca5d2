package io.scimgate.core.directory;

import java.util.List;

/** One page of a query and the number of matches over all pages. */
public record Page<T>(List<T> items, int total) {
}
