package io.scimgate.core.store.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Splits ids into lists short enough for one {@code IN (...)} each, whatever the store. */
public final class Chunks {

    public static final int SIZE = 500;

    private Chunks() {
    }

    public static <T> List<List<T>> of(Collection<T> ids) {
        List<List<T>> chunks = new ArrayList<>();
        List<T> current = new ArrayList<>(Math.min(SIZE, ids.size()));
        for (T id : ids) {
            current.add(id);
            if (current.size() == SIZE) {
                chunks.add(current);
                current = new ArrayList<>(SIZE);
            }
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }
}
