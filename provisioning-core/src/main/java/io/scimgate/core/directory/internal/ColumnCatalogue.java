package io.scimgate.core.directory.internal;

import io.scimgate.core.directory.query.AttributeCatalogue;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The columns behind one resource type's queryable attributes, and the {@link AttributeCatalogue} they make. */
final class ColumnCatalogue {

    private final Map<String, FilterableColumn> byName = new LinkedHashMap<>();
    private final AttributeCatalogue attributes;

    /** @param defaultSubAttributes multi-valued attributes compared without a sub-attribute, e.g. emails → value */
    ColumnCatalogue(List<FilterableColumn> columns, Map<String, String> defaultSubAttributes) {
        for (FilterableColumn column : columns) {
            byName.put(column.name().toLowerCase(Locale.ROOT), column);
        }
        this.attributes = new AttributeCatalogue(columns.stream().map(FilterableColumn::describe).toList(), defaultSubAttributes);
    }

    AttributeCatalogue attributes() {
        return attributes;
    }

    /** The column of the attribute {@code name} (as {@link AttributeCatalogue#find} finds it), or null. */
    FilterableColumn column(String name) {
        return attributes.find(name).map(attribute -> byName.get(attribute.name().toLowerCase(Locale.ROOT))).orElse(null);
    }
}
