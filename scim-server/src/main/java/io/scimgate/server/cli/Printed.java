package io.scimgate.server.cli;

import java.io.PrintWriter;

/** What operator commands print: one {@code name: value} line per field, easy to read and to cut. */
final class Printed {

    private final PrintWriter out;

    Printed(PrintWriter out) {
        this.out = out;
    }

    Printed field(String name, Object value) {
        if (value != null) {
            out.printf("%-14s %s%n", name + ":", value);
        }
        return this;
    }

    Printed line(String text) {
        out.println(text);
        return this;
    }

    Printed blank() {
        out.println();
        return this;
    }
}
