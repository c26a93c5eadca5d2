package io.scimgate.core.directory;

/** A listed item with the value of the expression it was sorted by, as the database computed it. */
public record Keyed<T, K>(T item, K key) {
}
