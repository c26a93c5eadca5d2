package io.scimgate.server.scim.filter;

import org.jooq.Field;

/** What a list is sorted by (before the insertion order that breaks ties), and in which direction. */
public record SortKey(Field<?> field, boolean descending) {
}
