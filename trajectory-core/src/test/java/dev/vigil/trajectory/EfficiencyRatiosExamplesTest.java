package dev.vigil.trajectory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vigil.spi.model.FinishReason;
import dev.vigil.spi.model.ModelTier;
import dev.vigil.spi.model.Run;
import dev.vigil.spi.model.Step;
import dev.vigil.spi.model.TerminationReason;
import dev.vigil.spi.model.ToolCall;
import dev.vigil.spi.model.Turn;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** examples.md §19 (efficiency ratios) and the baseline record's validation. */
class EfficiencyRatiosExamplesTest {

    private static final Instant RECORDED = Instant.parse("2026-03-01T23:30:00Z");

    static IdealTrajectoryBaseline research(int idealToolCalls, Instant recordedAt) {
        return new IdealTrajectoryBaseline(
                "research", 4, idealToolCalls, 10.0, 500, 1.0, 1000.0, recordedAt, "agent-ops", ModelTier.MEDIUM);
    }

    @Test
    void toolCallsAgainstAnIdealOfZeroGiveTheRawCount() {
        EfficiencyRatios ratios =
                EfficiencyRatios.compute(research(0, RECORDED), 6, 3, 15.0, 750, 0.0, List.of(), 1500.0);
        assertEquals(1.5, ratios.stepRatio());
        assertEquals(3.0, ratios.toolCallRatio());
        assertEquals(1.5, ratios.latencyRatio());
        assertEquals(1.5, ratios.verbosityRatio());
        assertEquals(1500.0, ratios.pte());
        assertEquals(1.5, ratios.pteRatio());
        assertEquals("research:20260301", ratios.baselineVersion());
    }

    @Test
    void noToolCallsAgainstAnIdealOfZeroGiveZero() {
        EfficiencyRatios ratios =
                EfficiencyRatios.compute(research(0, RECORDED), 6, 0, 15.0, 750, 0.0, List.of(), 1500.0);
        assertEquals(1.5, ratios.stepRatio());
        assertEquals(0.0, ratios.toolCallRatio());
        assertEquals(1.5, ratios.latencyRatio());
        assertEquals(1.5, ratios.verbosityRatio());
        assertEquals(1.5, ratios.pteRatio());
    }

    @Test
    void toolCallsAgainstAPositiveIdealAreARatio() {
        EfficiencyRatios ratios =
                EfficiencyRatios.compute(research(2, RECORDED), 6, 3, 15.0, 750, 0.0, List.of(), 1500.0);
        assertEquals(1.5, ratios.toolCallRatio());
    }

    @Test
    void versionUsesTheUtcDate() {
        Instant evening = OffsetDateTime.parse("2026-03-01T23:30:00-05:00").toInstant();
        EfficiencyRatios ratios =
                EfficiencyRatios.compute(research(0, evening), 6, 3, 15.0, 750, 0.0, List.of(), 1500.0);
        assertEquals("research:20260302", ratios.baselineVersion());
    }

    @Test
    void erosionAndDeltasPassThrough() {
        EfficiencyRatios ratios =
                EfficiencyRatios.compute(research(0, RECORDED), 1, 0, 0.0, 0, 0.4, List.of(-3.0, 12.0, 0.0), 0.0);
        assertEquals(0.4, ratios.structuralErosionScore());
        assertEquals(List.of(-3.0, 12.0, 0.0), ratios.verbosityDeltaPerIteration());
        assertEquals(0.0, ratios.pteRatio());
    }

    @Test
    void forRunDerivesTheObservationsAsSectionEightSays() {
        Turn t1 = Turn.builder(1, FinishReason.TOOL_USE)
                .inputTokens(100)
                .outputTokens(50)
                .toolCall(ToolCall.of("search", Map.of()))
                .latencyMs(2000.0)
                .build();
        Turn t2 = Turn.builder(2, FinishReason.TOOL_USE)
                .inputTokens(100)
                .outputTokens(80)
                .priorToolCallCount(1)
                .toolResponseTokens(100)
                .toolCall(ToolCall.of("read", Map.of()))
                .toolCall(ToolCall.of("read", Map.of("p", 1)))
                .latencyMs(3000.0)
                .build();
        Turn t3 = Turn.builder(3, FinishReason.STOP)
                .inputTokens(100)
                .outputTokens(20)
                .priorToolCallCount(3)
                .latencyMs(1000.0)
                .build();
        // Two source steps: [t1, t2] (130 output tokens) and [t3] (20).
        Run run = Run.builder("r", "a", "t", TerminationReason.COMPLETED)
                .turns(List.of(t1, t2, t3))
                .sourceSteps(List.of(
                        new Step(0, List.of(t1, t2), TerminationReason.COMPLETED),
                        new Step(1, List.of(t3), TerminationReason.COMPLETED)))
                .taskType("research")
                .build();
        IdealTrajectoryBaseline baseline = research(2, RECORDED);
        EfficiencyRatios ratios = EfficiencyRatios.forRun(baseline, run, 0.25, PteConfig.DEFAULTS);
        double pte = 150.0 + (100 * 1.3 + 80 + 150.0) + (100 * (1.0 + 0.3 * 3) + 20);
        assertEquals(pte, ratios.pte(), 1e-9);
        assertEquals(
                EfficiencyRatios.compute(
                        baseline,
                        2,
                        3,
                        6.0,
                        150,
                        0.25,
                        List.of(-110.0),
                        PrefillTokenEquivalents.ofRun(run, PteConfig.DEFAULTS)),
                ratios);
        assertEquals(2 / 4.0, ratios.stepRatio());
        assertEquals(1.5, ratios.toolCallRatio());
        assertEquals(0.6, ratios.latencyRatio());
        assertEquals(150 / 500.0, ratios.verbosityRatio());
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "1, 0", "3, 2"})
    void verbosityDeltasHaveOneEntryPerStepAfterTheFirst(int turns, int expectedSize) {
        List<Turn> list = new ArrayList<>();
        for (int i = 1; i <= turns; i++) {
            list.add(Turn.builder(i, FinishReason.STOP).outputTokens(i * 10L).build());
        }
        Run run = Run.builder("r", "a", "t", TerminationReason.COMPLETED)
                .turns(list)
                .build();
        List<Double> deltas = EfficiencyRatios.verbosityDeltas(run);
        assertEquals(expectedSize, deltas.size());
        deltas.forEach(delta -> assertEquals(10.0, delta));
    }

    @Test
    void computeRejectsBadObservations() {
        IdealTrajectoryBaseline b = research(0, RECORDED);
        assertMessage(
                "observedSteps must be >= 0, got -1",
                () -> EfficiencyRatios.compute(b, -1, 0, 1.0, 1, 0.0, List.of(), 1.0));
        assertMessage(
                "observedLatencySeconds must be finite, got NaN",
                () -> EfficiencyRatios.compute(b, 1, 0, Double.NaN, 1, 0.0, List.of(), 1.0));
        assertMessage(
                "structuralErosionScore must be in [0.0, 1.0], got 1.5",
                () -> EfficiencyRatios.compute(b, 1, 0, 1.0, 1, 1.5, List.of(), 1.0));
        assertMessage(
                "verbosityDeltaPerIteration must be finite, got Infinity",
                () -> EfficiencyRatios.compute(b, 1, 0, 1.0, 1, 0.0, List.of(Double.POSITIVE_INFINITY), 1.0));
        assertMessage(
                "observedPte must be >= 0.0, got -1.0",
                () -> EfficiencyRatios.compute(b, 1, 0, 1.0, 1, 0.0, List.of(), -1.0));
        assertMessage(
                "baselineVersion must not be blank", () -> new EfficiencyRatios(1, 1, 1, 1, 0, List.of(), 1, 1, " "));
        assertMessage(
                "stepRatio must be >= 0.0, got -1.0", () -> new EfficiencyRatios(-1, 1, 1, 1, 0, List.of(), 1, 1, "v"));
    }

    @Test
    void baselineValidatesEveryComponent() {
        assertMessage(
                "taskType must not be blank",
                () -> new IdealTrajectoryBaseline(" ", 4, 0, 10.0, 500, 1.0, 1000.0, RECORDED, "a", ModelTier.SMALL));
        assertMessage(
                "idealStepCount must be >= 1, got 0",
                () -> new IdealTrajectoryBaseline("r", 0, 0, 10.0, 500, 1.0, 1000.0, RECORDED, "a", ModelTier.SMALL));
        assertMessage(
                "idealToolCallCount must be >= 0, got -1",
                () -> new IdealTrajectoryBaseline("r", 1, -1, 10.0, 500, 1.0, 1000.0, RECORDED, "a", ModelTier.SMALL));
        assertMessage(
                "idealLatencySeconds must be > 0.0, got 0.0",
                () -> new IdealTrajectoryBaseline("r", 1, 0, 0.0, 500, 1.0, 1000.0, RECORDED, "a", ModelTier.SMALL));
        assertMessage(
                "idealOutputTokens must be >= 1, got 0",
                () -> new IdealTrajectoryBaseline("r", 1, 0, 1.0, 0, 1.0, 1000.0, RECORDED, "a", ModelTier.SMALL));
        assertMessage(
                "idealStructuralScore must be in [0.0, 1.0], got 1.5",
                () -> new IdealTrajectoryBaseline("r", 1, 0, 1.0, 1, 1.5, 1000.0, RECORDED, "a", ModelTier.SMALL));
        assertMessage(
                "idealPte must be > 0.0, got 0.0",
                () -> new IdealTrajectoryBaseline("r", 1, 0, 1.0, 1, 1.0, 0.0, RECORDED, "a", ModelTier.SMALL));
        assertMessage(
                "recordedAt must not be null",
                () -> new IdealTrajectoryBaseline("r", 1, 0, 1.0, 1, 1.0, 1.0, null, "a", ModelTier.SMALL));
        assertMessage(
                "recordedByAgentId must not be blank",
                () -> new IdealTrajectoryBaseline("r", 1, 0, 1.0, 1, 1.0, 1.0, RECORDED, "", ModelTier.SMALL));
        assertMessage(
                "modelTier must not be null",
                () -> new IdealTrajectoryBaseline("r", 1, 0, 1.0, 1, 1.0, 1.0, RECORDED, "a", null));
        assertEquals("", research(0, RECORDED).notes());
        assertEquals(
                "",
                new IdealTrajectoryBaseline("r", 1, 0, 1.0, 1, 1.0, 1.0, RECORDED, "a", ModelTier.LARGE, null).notes());
    }

    @Test
    void baselineSetLooksUpByTaskTypeAndRejectsDuplicates() {
        IdealTrajectoryBaselines set = IdealTrajectoryBaselines.of(List.of(research(0, RECORDED)));
        assertEquals("research", set.forTaskType("research").orElseThrow().taskType());
        assertEquals(java.util.Optional.empty(), set.forTaskType("Research"));
        assertEquals(java.util.Optional.empty(), set.forTaskType(null));
        assertMessage(
                "baselines must have unique taskType, got duplicate 'research'",
                () -> IdealTrajectoryBaselines.of(List.of(research(0, RECORDED), research(1, RECORDED))));
        assertMessage(
                "formatVersion must be 1, got 2",
                () -> new IdealTrajectoryBaselines(2, List.of(research(0, RECORDED))));
    }

    private static void assertMessage(String expected, org.junit.jupiter.api.function.Executable call) {
        assertEquals(
                expected, assertThrows(IllegalArgumentException.class, call).getMessage());
    }
}
