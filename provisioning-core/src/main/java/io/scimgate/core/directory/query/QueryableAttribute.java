package io.scimgate.core.directory.query;

/**
 * An attribute a filter may test.
 *
 * @param name the canonical attribute path, e.g. {@code name.givenName}, {@code emails.value}
 * @param caseExact whether string comparisons respect case
 * @param multiValuedParent the multi-valued attribute whose values hold it ({@code emails}), or null
 * @param sortable whether a list can be sorted by it
 */
public record QueryableAttribute(String name, AttributeKind kind, boolean caseExact, String multiValuedParent,
        boolean sortable) {

    public boolean onMultiValuedParent() {
        return multiValuedParent != null;
    }
}
