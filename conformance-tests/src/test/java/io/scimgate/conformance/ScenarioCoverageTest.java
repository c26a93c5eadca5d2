package io.scimgate.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.scimgate.conformance.suite.Scenario;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 5 asks for every black-box scenario of IDP-QUIRKS.md §11 (1 to 26) as a named test. Scenario
 * 26 (the Google poller) is {@code GooglePollerTest}'s.
 */
class ScenarioCoverageTest {

    static final int SCENARIOS = 26;

    @Test
    @DisplayName("Every scenario 1–26 of IDP-QUIRKS.md §11 has a test marked @Scenario with its number")
    void everyScenarioHasATest() {
        Map<Integer, List<String>> tests = new TreeMap<>();
        for (Method method : ConformanceTests.methods()) {
            Scenario scenario = method.getAnnotation(Scenario.class);
            if (scenario != null) {
                tests.computeIfAbsent(scenario.value(), number -> new ArrayList<>()).add(ConformanceTests.name(method));
            }
        }
        List<Integer> missing = IntStream.rangeClosed(1, SCENARIOS).filter(n -> !tests.containsKey(n)).boxed().toList();
        assertEquals(List.of(), missing, "§11 scenarios without a @Scenario test (26 is GooglePollerTest's)");
        List<Integer> unknown = tests.keySet().stream().filter(n -> n < 1 || n > SCENARIOS).toList();
        assertEquals(List.of(), unknown, "@Scenario numbers that IDP-QUIRKS.md §11 does not have");
    }

    @Test
    @DisplayName("Each @Scenario(n) test runs (a JUnit test, not disabled) and its display name starts with §11.n")
    void scenarioTestsRunUnderTheirNumber() {
        List<String> problems = new ArrayList<>();
        for (Method method : ConformanceTests.methods()) {
            Scenario scenario = method.getAnnotation(Scenario.class);
            if (scenario == null) {
                continue;
            }
            if (!ConformanceTests.runs(method)) {
                problems.add(ConformanceTests.name(method) + " is not a test JUnit runs");
            }
            DisplayName name = method.getAnnotation(DisplayName.class);
            String prefix = "§11." + scenario.value() + " ";
            if (name == null || !name.value().startsWith(prefix)) {
                problems.add(ConformanceTests.name(method) + " has no @DisplayName starting with \"" + prefix + "\"");
            }
        }
        assertEquals(List.of(), problems);
    }
}
