package io.scimgate.core.directory.query;

import java.util.Objects;

/**
 * A filter on a directory's users or groups (the shape of RFC 7644 §3.4.2.2). Attributes are named
 * by their canonical SCIM path as the {@link AttributeCatalogue} lists them ({@code userName},
 * {@code name.familyName}, {@code emails.value}, an extension attribute with its URN); names are
 * matched without regard to case.
 */
public sealed interface Filter {

    /** {@code attribute operator value}; {@link FilterValue#NULL} only with {@code eq} and {@code ne}. */
    record Comparison(String attribute, Operator operator, FilterValue value) implements Filter {
        public Comparison {
            Objects.requireNonNull(attribute, "attribute");
            Objects.requireNonNull(operator, "operator");
            Objects.requireNonNull(value, "value");
        }
    }

    /** {@code attribute pr}: the attribute has a value (a string: a non-empty one). */
    record Present(String attribute) implements Filter {
        public Present {
            Objects.requireNonNull(attribute, "attribute");
        }
    }

    record And(Filter left, Filter right) implements Filter {
        public And {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }
    }

    record Or(Filter left, Filter right) implements Filter {
        public Or {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }
    }

    record Not(Filter filter) implements Filter {
        public Not {
            Objects.requireNonNull(filter, "filter");
        }
    }

    /**
     * {@code parent[filter]}: some value of the multi-valued {@code parent} ({@code emails},
     * {@code members}) satisfies {@code filter} as a whole. Inside, attributes are the parent's
     * sub-attributes, named either alone ({@code type}) or with the parent ({@code emails.type}).
     */
    record ValuePath(String parent, Filter filter) implements Filter {
        public ValuePath {
            Objects.requireNonNull(parent, "parent");
            Objects.requireNonNull(filter, "filter");
        }
    }
}
