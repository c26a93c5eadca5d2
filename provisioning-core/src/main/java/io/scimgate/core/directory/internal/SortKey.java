package io.scimgate.core.directory.internal;

import org.jooq.Field;

/** What a list is sorted by (before the insertion order that breaks ties), and in which direction. */
record SortKey(Field<?> field, boolean descending) {
}
