package io.scimgate.conformance;

import java.io.PrintWriter;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/** One line per test as it finishes: its outcome, its class's and its own display names, and why it failed or was skipped. */
final class PrintedOutcomes implements TestExecutionListener {

    private final PrintWriter out;
    private TestPlan plan;

    PrintedOutcomes(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        this.plan = testPlan;
    }

    @Override
    public void executionSkipped(TestIdentifier test, String reason) {
        out.println("SKIPPED " + name(test) + " (" + reason + ")");
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
        boolean failed = result.getStatus() != TestExecutionResult.Status.SUCCESSFUL;
        if (!test.isTest() && !failed) {
            return;
        }
        String outcome = switch (result.getStatus()) {
            case SUCCESSFUL -> "PASSED ";
            case ABORTED -> "ABORTED";
            case FAILED -> "FAILED ";
        };
        out.println(outcome + " " + name(test) + result.getThrowable().map(cause -> "\n        " + cause).orElse(""));
    }

    private String name(TestIdentifier test) {
        return plan.getParent(test)
                .filter(parent -> parent.getSource().isPresent())
                .map(parent -> parent.getDisplayName() + " › " + test.getDisplayName())
                .orElse(test.getDisplayName());
    }
}
