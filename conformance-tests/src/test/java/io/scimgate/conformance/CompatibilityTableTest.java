package io.scimgate.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.scimgate.conformance.suite.Step;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * README's compatibility table (between {@code <!-- compatibility:start -->} and
 * {@code <!-- compatibility:end -->}: one row per lifecycle step, one column per provider) against
 * the {@link Step} marks of the tests: a "✓" cell needs a test marked with its provider and step,
 * and a marked test needs a "✓" cell. Every other cell says why there is nothing to test, "n/a (…)".
 */
class CompatibilityTableTest {

    private static final String START = "<!-- compatibility:start -->";
    private static final String END = "<!-- compatibility:end -->";
    private static final String TESTED = "✓";

    /** The cells of README's table: step → provider → cell text. */
    private static Map<String, Map<String, String>> table() throws IOException {
        String readme = Files.readString(readme(), StandardCharsets.UTF_8);
        int start = readme.indexOf(START);
        int end = readme.indexOf(END);
        assertTrue(start >= 0 && end > start, "README.md has the markers " + START + " and " + END);
        List<List<String>> rows = new ArrayList<>();
        for (String line : readme.substring(start + START.length(), end).split("\n")) {
            if (line.startsWith("|") && !line.matches("\\|[\\s|:-]*")) {
                rows.add(cells(line));
            }
        }
        assertTrue(rows.size() > 1, "the table has a header and rows");
        List<String> providers = rows.get(0).subList(1, rows.get(0).size());
        assertEquals(providers.size(), Set.copyOf(providers).size(), "each provider has one column: " + providers);
        Map<String, Map<String, String>> table = new LinkedHashMap<>();
        for (List<String> row : rows.subList(1, rows.size())) {
            assertEquals(rows.get(0).size(), row.size(), "cells of the row " + row);
            Map<String, String> byProvider = new LinkedHashMap<>();
            for (int i = 0; i < providers.size(); i++) {
                byProvider.put(providers.get(i), row.get(i + 1));
            }
            assertEquals(null, table.put(row.get(0), byProvider), "the step " + row.get(0) + " has one row");
        }
        return table;
    }

    private static List<String> cells(String line) {
        String inner = line.strip();
        inner = inner.substring(1, inner.endsWith("|") ? inner.length() - 1 : inner.length());
        List<String> cells = new ArrayList<>();
        for (String cell : inner.split("\\|", -1)) {
            cells.add(cell.strip());
        }
        return cells;
    }

    private static Path readme() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("README.md");
            try {
                if (Files.isRegularFile(candidate) && Files.readString(candidate, StandardCharsets.UTF_8).contains(START)) {
                    return candidate;
                }
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no README.md with " + START + " in " + Path.of("").toAbsolutePath() + " or above");
    }

    /** provider + " × " + step of every @Step mark, with the tests that carry it. */
    private static Map<String, List<String>> marks() {
        Map<String, List<String>> marks = new LinkedHashMap<>();
        for (Method method : ConformanceTests.methods()) {
            for (Step step : method.getAnnotationsByType(Step.class)) {
                marks.computeIfAbsent(step.provider() + " × " + step.step(), key -> new ArrayList<>())
                        .add(ConformanceTests.name(method));
            }
        }
        return marks;
    }

    @Test
    @DisplayName("Every cell of README's compatibility table names its state: \"✓ …\" or \"n/a (why)\"")
    void everyCellNamesItsState() throws IOException {
        List<String> problems = new ArrayList<>();
        table().forEach((step, row) -> row.forEach((provider, cell) -> {
            if (!cell.startsWith(TESTED + " ") && !cell.matches("n/a \\(.+\\)")) {
                problems.add(provider + " × " + step + ": \"" + cell + "\"");
            }
        }));
        assertEquals(List.of(), problems, "cells that are neither \"✓ …\" nor \"n/a (…)\"");
    }

    @Test
    @DisplayName("Every ✓ cell of README's compatibility table has a test marked @Step with its provider and step")
    void everyTickHasATest() throws IOException {
        Map<String, List<String>> marks = marks();
        Set<String> untested = new TreeSet<>();
        table().forEach((step, row) -> row.forEach((provider, cell) -> {
            if (cell.startsWith(TESTED) && !marks.containsKey(provider + " × " + step)) {
                untested.add(provider + " × " + step);
            }
        }));
        assertEquals(Set.of(), untested, "README claims these without a @Step test");
    }

    @Test
    @DisplayName("Every @Step test has a ✓ cell in README's compatibility table, and runs")
    void everyTestHasATick() throws IOException {
        Map<String, Map<String, String>> table = table();
        List<String> problems = new ArrayList<>();
        marks().forEach((mark, tests) -> {
            String[] parts = mark.split(" × ", 2);
            String cell = table.getOrDefault(parts[1], Map.of()).get(parts[0]);
            if (cell == null || !cell.startsWith(TESTED)) {
                problems.add(mark + " (" + String.join(", ", tests) + ") has " + (cell == null ? "no cell" : "\"" + cell + "\""));
            }
        });
        for (Method method : ConformanceTests.methods()) {
            if (method.getAnnotationsByType(Step.class).length > 0 && !ConformanceTests.runs(method)) {
                problems.add(ConformanceTests.name(method) + " carries @Step but is not a test JUnit runs");
            }
        }
        assertEquals(List.of(), problems);
    }
}
