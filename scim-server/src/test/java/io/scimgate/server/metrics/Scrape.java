package io.scimgate.server.metrics;

import java.util.Arrays;
import java.util.List;

/** One answer of {@code /metrics}, read as Prometheus reads it: a sample is a name, labels and a value. */
record Scrape(String text) {

    /**
     * The value of the one sample named {@code name} whose labels include every {@code label="value"}
     * given, or 0 when there is none.
     */
    double value(String name, String... labels) {
        List<String> found = samples(name, labels);
        if (found.size() > 1) {
            throw new AssertionError(found.size() + " samples of " + name + " match " + Arrays.toString(labels) + ": " + found);
        }
        return found.isEmpty() ? 0 : Double.parseDouble(found.get(0).substring(found.get(0).lastIndexOf(' ') + 1));
    }

    List<String> samples(String name, String... labels) {
        return text.lines()
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .filter(line -> Arrays.stream(labels).allMatch(line::contains))
                .toList();
    }

    boolean has(String name) {
        return !samples(name).isEmpty();
    }
}
