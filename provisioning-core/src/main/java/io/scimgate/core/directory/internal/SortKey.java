package io.scimgate.core.directory.internal;

import org.jooq.Field;

/**
 * What a list is sorted by (before the insertion order that breaks ties), and in which direction.
 *
 * @param attribute the attribute's canonical name, which tells sort keys apart where their SQL is kept
 */
record SortKey(String attribute, Field<?> field, boolean descending) {
}
