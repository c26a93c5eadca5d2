package io.scimgate.server.scim.quirk;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The quirks applied to one directory's traffic: its provider profile's list. */
public final class Quirks {

    private final List<Quirk> quirks;
    /** What {@link #find} answered for each type asked: asked on every request (response type, User completion). */
    private final Map<Class<?>, Optional<?>> found = new ConcurrentHashMap<>();

    private Quirks(List<Quirk> quirks) {
        this.quirks = List.copyOf(quirks);
    }

    public static Quirks of(Quirk... quirks) {
        return new Quirks(List.of(quirks));
    }

    /** These quirks and {@code more}. */
    public Quirks with(Quirk... more) {
        List<Quirk> all = new ArrayList<>(quirks);
        Collections.addAll(all, more);
        return new Quirks(all);
    }

    /** These quirks and those of {@code more}. */
    public Quirks with(Quirks more) {
        List<Quirk> all = new ArrayList<>(quirks);
        more.quirks.stream().filter(quirk -> !all.contains(quirk)).forEach(all::add);
        return new Quirks(all);
    }

    public boolean has(Class<? extends Quirk> type) {
        return find(type).isPresent();
    }

    @SuppressWarnings("unchecked")
    public <Q extends Quirk> Optional<Q> find(Class<Q> type) {
        return (Optional<Q>) found.computeIfAbsent(type,
                asked -> quirks.stream().filter(type::isInstance).map(type::cast).findFirst());
    }

    public List<Quirk> all() {
        return quirks;
    }
}
