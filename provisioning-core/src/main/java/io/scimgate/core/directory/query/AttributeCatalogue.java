package io.scimgate.core.directory.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The attributes of users (or of groups) that filters may test and lists may be sorted by. A
 * multi-valued attribute compared without a sub-attribute ({@code emails eq "…"}) means its
 * default sub-attribute ({@code emails.value}).
 */
public final class AttributeCatalogue {

    private final Map<String, QueryableAttribute> byName = new LinkedHashMap<>();
    private final Map<String, String> defaultSubAttributes = new LinkedHashMap<>();

    /** @param defaultSubAttributes by multi-valued attribute, e.g. emails → value */
    public AttributeCatalogue(List<QueryableAttribute> attributes, Map<String, String> defaultSubAttributes) {
        for (QueryableAttribute attribute : attributes) {
            byName.put(lower(attribute.name()), attribute);
        }
        defaultSubAttributes.forEach((parent, sub) -> this.defaultSubAttributes.put(lower(parent), sub));
    }

    /** Every attribute, in the catalogue's order. */
    public List<QueryableAttribute> attributes() {
        return List.copyOf(byName.values());
    }

    /** The attribute named {@code name} (any case), or the default sub-attribute of a multi-valued one so named. */
    public Optional<QueryableAttribute> find(String name) {
        QueryableAttribute attribute = byName.get(lower(name));
        if (attribute == null && defaultSubAttributes.containsKey(lower(name))) {
            attribute = byName.get(lower(name + "." + defaultSubAttributes.get(lower(name))));
        }
        return Optional.ofNullable(attribute);
    }

    /** Whether a value path ({@code parent[…]}) can be used on {@code parent}: some sub-attribute of it is filterable. */
    public boolean hasValuePathOn(String parent) {
        return byName.values().stream().anyMatch(attribute -> attribute.onMultiValuedParent()
                && attribute.multiValuedParent().equalsIgnoreCase(parent));
    }

    /** The names of the filterable attributes, or of the sortable ones, as a list for an error message. */
    public String names(boolean sortable) {
        return String.join(", ", byName.values().stream()
                .filter(attribute -> !sortable || attribute.sortable())
                .map(QueryableAttribute::name)
                .toList());
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
