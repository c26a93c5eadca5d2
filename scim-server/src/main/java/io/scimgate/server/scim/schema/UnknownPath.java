package io.scimgate.server.scim.schema;

/**
 * An attribute path that names nothing the resource has, or is not a path at all. Callers turn it
 * into the error of their context: {@code invalidPath} in PATCH, {@code invalidFilter} in filters.
 */
public final class UnknownPath extends RuntimeException {

    private final boolean syntax;

    private UnknownPath(String message, boolean syntax) {
        super(message, null, false, false);
        this.syntax = syntax;
    }

    static UnknownPath syntax(String text, String why) {
        return new UnknownPath("'" + text + "' is not an attribute path: " + why, true);
    }

    static UnknownPath noSuchAttribute(String message) {
        return new UnknownPath(message, false);
    }

    /** Whether the text is not a path at all, rather than a path to nothing. */
    public boolean isSyntaxError() {
        return syntax;
    }
}
