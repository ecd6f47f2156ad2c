package dev.vigil.trajectory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.spi.model.Complexity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.event.Level;

/** examples.md §17 (budget guard and gate). */
class BudgetGuardExamplesTest {

    @ParameterizedTest(name = "remaining {0}, cost {1}, k {2}, margin {3} -> {4}")
    @CsvSource({
        "10, 1, 2, 0.2, true",
        "2, 1, 3, 0.2, false",
        "10, 4, 2, 0.2, true",
        "0, 1, 2, 0.2, false",
        "-5, 1, 2, 0.2, false",
        "10, 0, 2, 0.2, false",
        "5, 1, 5, 0.0, true",
        "10, 1, 1, 1.0, false",
        "10, 2, 3, 0.2, true",
        "10, 2, 4, 0.2, true",
        "10, 2, 5, 0.2, false",
        "10, 1, 0, 0.2, false",
        "10, 1, 2, 1.5, false",
        "10, 1, 2, -0.1, false",
    })
    void examplesTable(double remaining, double cost, int k, double margin, boolean expected) {
        assertEquals(expected, BudgetGuard.checkTrajectoryBudget(remaining, cost, k, margin));
    }

    @Test
    void equalityPassesExactly() {
        // 10 * (1 - 0.2) = 8.0 and 4 * 2 = 8.0: required > available is false.
        assertEquals(8.0, 10.0 * (1.0 - 0.2));
        assertTrue(BudgetGuard.checkTrajectoryBudget(10, 4, 2, 0.2));
    }

    @Test
    void marginOfOneAlwaysBlocks() {
        assertFalse(BudgetGuard.checkTrajectoryBudget(Double.MAX_VALUE, Double.MIN_VALUE, 1, 1.0));
    }

    @Test
    void kBelowOneLogsAWarning() {
        try (CapturingLogProvider.Capture logs = CapturingLogProvider.capture()) {
            assertFalse(BudgetGuard.checkTrajectoryBudget(10, 1, 0, 0.2));
            CapturingLogProvider.Event event = single(logs);
            assertEquals(Level.WARN, event.level());
            assertEquals(Map.of("k", 0, "reason", "k must be at least 1"), event.fields());
        }
    }

    @Test
    void badMarginLogsAWarningAndDoesNotThrow() {
        try (CapturingLogProvider.Capture logs = CapturingLogProvider.capture()) {
            assertFalse(BudgetGuard.checkTrajectoryBudget(10, 1, 2, 1.5));
            CapturingLogProvider.Event event = single(logs);
            assertEquals(Level.WARN, event.level());
            assertEquals(Map.of("margin", 1.5, "reason", "margin must be in [0.0, 1.0]"), event.fields());
        }
    }

    @Test
    void nonPositiveBudgetLogsInfo() {
        try (CapturingLogProvider.Capture logs = CapturingLogProvider.capture()) {
            assertFalse(BudgetGuard.checkTrajectoryBudget(-5, 1, 2, 0.2));
            CapturingLogProvider.Event event = single(logs);
            assertEquals(Level.INFO, event.level());
            assertEquals(
                    Map.of(
                            "remaining_budget",
                            -5.0,
                            "estimated_step_cost",
                            1.0,
                            "reason",
                            "non-positive budget or step cost"),
                    event.fields());
        }
    }

    @Test
    void insufficientBudgetLogsInfoWithAmounts() {
        try (CapturingLogProvider.Capture logs = CapturingLogProvider.capture()) {
            assertFalse(BudgetGuard.checkTrajectoryBudget(2, 1, 3, 0.2));
            CapturingLogProvider.Event event = single(logs);
            assertEquals(Level.INFO, event.level());
            assertEquals(
                    Map.of(
                            "available_after_margin",
                            1.6,
                            "required",
                            3.0,
                            "k",
                            3,
                            "reason",
                            "insufficient budget for K candidates"),
                    event.fields());
        }
    }

    @Test
    void passingGuardLogsNothing() {
        try (CapturingLogProvider.Capture logs = CapturingLogProvider.capture()) {
            assertTrue(BudgetGuard.checkTrajectoryBudget(10, 1, 2, 0.2));
            assertTrue(logs.named("vigil.trajectory.budget_guard_blocked").isEmpty());
        }
    }

    @Test
    void nonFiniteArgumentsThrow() {
        assertEquals(
                "remainingBudget must be finite, got NaN",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> BudgetGuard.checkTrajectoryBudget(Double.NaN, 1, 2, 0.2))
                        .getMessage());
        assertEquals(
                "estimatedStepCost must be finite, got Infinity",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> BudgetGuard.checkTrajectoryBudget(10, Double.POSITIVE_INFINITY, 2, 0.2))
                        .getMessage());
        assertEquals(
                "margin must be finite, got -Infinity",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> BudgetGuard.checkTrajectoryBudget(10, 1, 2, Double.NEGATIVE_INFINITY))
                        .getMessage());
    }

    private static final TrajectoryConfig ENABLED_K2 =
            new TrajectoryConfig(true, 2, List.of(Complexity.COMPLEX, Complexity.EPIC), 0.2);

    @ParameterizedTest
    @CsvSource({"COMPLEX, true", "EPIC, true", "SIMPLE, false", "MEDIUM, false"})
    void gateFollowsTheComplexityList(Complexity complexity, boolean expected) {
        assertEquals(expected, BudgetGuard.shouldSample(ENABLED_K2, complexity, 10, 2));
    }

    @Test
    void gateRejectsUnknownComplexity() {
        assertFalse(BudgetGuard.shouldSample(ENABLED_K2, null, 10, 2));
    }

    @ParameterizedTest
    @EnumSource(Complexity.class)
    void disabledGateNeverSamples(Complexity complexity) {
        TrajectoryConfig disabled = new TrajectoryConfig(false, 2, List.of(Complexity.values()), 0.2);
        assertFalse(BudgetGuard.shouldSample(disabled, complexity, 10, 2));
    }

    @Test
    void gateAppliesTheGuardWithConfiguredKAndMargin() {
        TrajectoryConfig k5 = new TrajectoryConfig(true, 5, List.of(Complexity.COMPLEX), 0.2);
        // 5 * 2 = 10 > 8 available.
        assertFalse(BudgetGuard.shouldSample(k5, Complexity.COMPLEX, 10, 2));
        TrajectoryConfig k4 = new TrajectoryConfig(true, 4, List.of(Complexity.COMPLEX), 0.2);
        assertTrue(BudgetGuard.shouldSample(k4, Complexity.COMPLEX, 10, 2));
    }

    @Test
    void defaultConfigIsDisabled() {
        assertFalse(BudgetGuard.shouldSample(TrajectoryConfig.DEFAULTS, Complexity.EPIC, 1e9, 1));
    }

    @Test
    void gateRejectsNullConfigAndNonFiniteAmounts() {
        assertThrows(IllegalArgumentException.class, () -> BudgetGuard.shouldSample(null, Complexity.EPIC, 10, 2));
        assertThrows(
                IllegalArgumentException.class,
                () -> BudgetGuard.shouldSample(TrajectoryConfig.DEFAULTS, Complexity.EPIC, Double.NaN, 2));
    }

    private static CapturingLogProvider.Event single(CapturingLogProvider.Capture logs) {
        List<CapturingLogProvider.Event> events = logs.named("vigil.trajectory.budget_guard_blocked");
        assertEquals(1, events.size(), events.toString());
        return events.get(0);
    }
}
