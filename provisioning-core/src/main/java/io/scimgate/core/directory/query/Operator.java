package io.scimgate.core.directory.query;

import java.util.Locale;

/** The comparison operators of a filter (RFC 7644 §3.4.2.2); {@code pr} is {@link Filter.Present}. */
public enum Operator {
    EQ, NE, CO, SW, EW, GT, GE, LT, LE;

    /** The operator as a filter writes it: {@code eq}, {@code co}, … */
    public String written() {
        return name().toLowerCase(Locale.ROOT);
    }
}
