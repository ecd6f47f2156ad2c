package dev.vigil.coordination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.spi.model.AgentDuration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** examples.md §20: the metric rows, exact values and exact messages. */
class CoordinationFormulasTest {

    private static void assertRejected(String message, Executable call) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
        assertEquals(message, e.getMessage());
    }

    @ParameterizedTest(name = "efficiency ({0}, {1}, {2}) = {3}")
    @CsvSource({"0.8, 10, 5, 0.4", "0.0, 10, 5, 0.0", "1.0, 5, 5, 1.0", "0.5, 5, 10, 1.0"})
    void efficiencyIsSuccessPerRelativeTurns(double success, double mas, double sas, double expected) {
        assertEquals(
                expected,
                CoordinationFormulas.computeEfficiency(success, mas, sas).value());
    }

    @Test
    void efficiencyRejectsZeroTurnsWithTheSpecMessages() {
        assertRejected(
                "turnsSas must be positive (cannot divide by zero), got 0.0",
                () -> CoordinationFormulas.computeEfficiency(0.8, 10, 0));
        assertRejected("turnsMas must be > 0, got 0.0", () -> CoordinationFormulas.computeEfficiency(0.8, 0, 5));
        // turnsSas is checked before anything else.
        assertRejected(
                "turnsSas must be positive (cannot divide by zero), got -1.0",
                () -> CoordinationFormulas.computeEfficiency(7.0, 0, -1));
        assertRejected(
                "successRate must be in [0.0, 1.0], got 1.5", () -> CoordinationFormulas.computeEfficiency(1.5, 1, 1));
        assertRejected(
                "turnsSas must be finite, got NaN", () -> CoordinationFormulas.computeEfficiency(1, 1, Double.NaN));
    }

    @ParameterizedTest(name = "overhead ({0}, {1}) = {2} %")
    @CsvSource({"10, 5, 100.0", "3, 5, -40.0", "12, 2, 500.0", "5, 5, 0.0"})
    void overheadIsExtraTurnsInPercent(double mas, double sas, double expected) {
        assertEquals(expected, CoordinationFormulas.computeOverhead(mas, sas).valuePercent());
    }

    @Test
    void overheadRejectsZeroBaseline() {
        assertRejected(
                "turnsSas must be positive (cannot divide by zero), got 0.0",
                () -> CoordinationFormulas.computeOverhead(3, 0));
    }

    @Test
    void errorAmplificationIsTheRatioOfErrorRates() {
        assertEquals(
                2.0, CoordinationFormulas.computeErrorAmplification(0.2, 0.1).value());
        assertEquals(
                0.0, CoordinationFormulas.computeErrorAmplification(0.0, 0.1).value());
        // No upper bound on the team's rate.
        assertEquals(
                30.0, CoordinationFormulas.computeErrorAmplification(3.0, 0.1).value(), 1e-12);
        assertRejected(
                "errorRateSas must be positive (cannot divide by zero), got 0.0",
                () -> CoordinationFormulas.computeErrorAmplification(0.2, 0.0));
        assertRejected(
                "errorRateMas must be >= 0, got -0.1", () -> CoordinationFormulas.computeErrorAmplification(-0.1, 0.1));
    }

    @Test
    void messageDensityIsMessagesPerTurn() {
        assertEquals(1.5, CoordinationFormulas.computeMessageDensity(15, 10).value());
        assertEquals(0.0, CoordinationFormulas.computeMessageDensity(0, 10).value());
        assertRejected(
                "reasoningTurns must be positive (cannot divide by zero), got 0",
                () -> CoordinationFormulas.computeMessageDensity(15, 0));
        assertRejected(
                "interAgentMessages must be >= 0, got -1", () -> CoordinationFormulas.computeMessageDensity(-1, 10));
    }

    @Test
    void redundancyIsTheExactMeanOfTheSimilarities() {
        RedundancyRate rate = CoordinationFormulas.computeRedundancyRate(List.of(0.2, 0.4, 0.6));
        // A naive (0.2 + 0.4 + 0.6) / 3 gives 0.4000000000000001.
        assertEquals(0.4000000000000001, (0.2 + 0.4 + 0.6) / 3);
        assertEquals(0.4, rate.value());
        assertEquals(3, rate.sampleCount());
        assertRejected("similarities must not be empty", () -> CoordinationFormulas.computeRedundancyRate(List.of()));
        assertRejected(
                "Similarity value 1.2 is outside [0, 1]",
                () -> CoordinationFormulas.computeRedundancyRate(List.of(0.5, 1.2)));
        assertRejected(
                "Similarity value -0.1 is outside [0, 1]",
                () -> CoordinationFormulas.computeRedundancyRate(List.of(-0.1)));
    }

    @Test
    void jaccardFeedsRedundancy() {
        List<Double> pairs =
                new JaccardSimilarity().pairwiseSimilarity(List.of("the cat sat", "the cat ran", "dogs bark"));
        assertEquals(List.of(0.5, 0.0, 0.0), pairs);
        assertEquals(
                0.16666666666666666,
                CoordinationFormulas.computeRedundancyRate(pairs).value());
    }

    @Test
    void stragglerGapUsesTheMeanNotTheMedian() {
        StragglerGap gap = straggler(d("a", 10), d("b", 20), d("c", 15));
        assertEquals("b", gap.slowestAgentId());
        assertEquals(15.0, gap.meanDurationSeconds());
        assertEquals(5.0, gap.gapSeconds());
        assertEquals(0.3333333333333333, gap.gapRatio());
    }

    @Test
    void stragglerMeanIsExact() {
        StragglerGap gap = straggler(d("a", 0.1), d("b", 0.2), d("c", 0.3));
        assertEquals(0.20000000000000004, (0.1 + 0.2 + 0.3) / 3, "the naive mean");
        assertEquals("c", gap.slowestAgentId());
        assertEquals(0.2, gap.meanDurationSeconds());
        assertEquals(0.09999999999999998, gap.gapSeconds());
        assertEquals(0.4999999999999999, gap.gapRatio());
    }

    @Test
    void equalDurationsGiveAGapOfExactlyZero() {
        // D3: a naive mean of three 0.1 s is 0.10000000000000002, above the maximum.
        assertEquals(0.10000000000000002, (0.1 + 0.1 + 0.1) / 3);
        StragglerGap gap = straggler(d("a", 0.1), d("b", 0.1), d("c", 0.1));
        assertEquals("a", gap.slowestAgentId());
        assertEquals(0.1, gap.meanDurationSeconds());
        assertEquals(0.0, gap.gapSeconds());
        assertEquals(0.0, gap.gapRatio());
    }

    @Test
    void theFirstMaximumIsTheStraggler() {
        assertEquals("a", straggler(d("a", 20), d("b", 20)).slowestAgentId());
    }

    @Test
    void oneAgentHasNoGap() {
        StragglerGap gap = straggler(d("a", 5));
        assertEquals(0.0, gap.gapSeconds());
        assertEquals(0.0, gap.gapRatio());
    }

    @Test
    void stragglerRejectsBadDurationsWithTheSpecMessages() {
        assertRejected("agentDurations must not be empty", () -> CoordinationFormulas.computeStragglerGap(List.of()));
        assertRejected("meanDurationSeconds must be > 0, got 0.0", () -> straggler(d("a", 0), d("b", 0)));
        assertRejected("agentId must not be blank", () -> straggler(d(" ", 1)));
        assertRejected("durationSeconds must be finite and non-negative, got -1.0", () -> straggler(d("a", -1)));
        assertRejected(
                "durationSeconds must be finite and non-negative, got NaN",
                () -> straggler(d("a", 1), d("b", Double.NaN)));
        assertRejected(
                "slowestDurationSeconds (1.0) must be >= meanDurationSeconds (2.0)",
                () -> new StragglerGap(1.0, 2.0, "a"));
    }

    @Test
    void tokenSpeedupRatioAlertsStrictlyAboveTheAlertRatio() {
        TokenSpeedupRatio atLimit = CoordinationFormulas.computeTokenSpeedupRatio(200, 100, 100, 100, 2.0);
        assertEquals(2.0, atLimit.ratio());
        assertFalse(atLimit.alert());
        TokenSpeedupRatio above = CoordinationFormulas.computeTokenSpeedupRatio(500, 100, 80, 100, 2.0);
        assertEquals(5.0, above.tokenMultiplier());
        assertEquals(1.25, above.latencySpeedup());
        assertEquals(4.0, above.ratio());
        assertTrue(above.alert());
        assertRejected(
                "tokensMas must be finite and positive, got 0.0",
                () -> CoordinationFormulas.computeTokenSpeedupRatio(0, 100, 100, 100, 2.0));
        assertRejected(
                "durationSas must be finite and positive, got Infinity",
                () -> CoordinationFormulas.computeTokenSpeedupRatio(1, 100, 100, Double.POSITIVE_INFINITY, 2.0));
        assertRejected(
                "alertRatio must be > 0, got 0.0",
                () -> CoordinationFormulas.computeTokenSpeedupRatio(1, 100, 100, 100, 0.0));
    }

    @ParameterizedTest(name = "n {0}, {1} messages: quadratic {2}")
    @CsvSource({"4, 6, false", "4, 8, false", "4, 10, true", "3, 5, true", "1, 0, false", "1, 1, true"})
    void messageOverheadIsStrictlyAboveHalfOfNSquared(int teamSize, int messages, boolean quadratic) {
        assertEquals(
                quadratic,
                CoordinationFormulas.computeMessageOverhead(teamSize, messages, 0.5)
                        .isQuadratic());
    }

    @Test
    void messageOverheadLimitAndValidation() {
        assertEquals(8.0, CoordinationFormulas.computeMessageOverhead(4, 6, 0.5).quadraticLimit());
        assertEquals(4.5, CoordinationFormulas.computeMessageOverhead(3, 5, 0.5).quadraticLimit());
        // n² is taken in long: 65536² does not wrap around.
        assertEquals(
                4.294967296E9,
                CoordinationFormulas.computeMessageOverhead(65536, 0, 1.0).quadraticLimit());
        assertRejected("teamSize must be > 0, got 0", () -> CoordinationFormulas.computeMessageOverhead(0, 1, 0.5));
        assertRejected(
                "messageCount must be >= 0, got -1", () -> CoordinationFormulas.computeMessageOverhead(2, -1, 0.5));
        assertRejected(
                "quadraticThreshold must be in (0.0, 1.0], got 0.0",
                () -> CoordinationFormulas.computeMessageOverhead(2, 1, 0.0));
    }

    @Test
    void exactMeanNeverExceedsTheMaximum() {
        assertEquals(0.1, CoordinationFormulas.exactMean(List.of(0.1, 0.1, 0.1)));
        assertEquals(0.2, CoordinationFormulas.exactMean(List.of(0.1, 0.2, 0.3)));
        assertEquals(Double.MAX_VALUE, CoordinationFormulas.exactMean(List.of(Double.MAX_VALUE, Double.MAX_VALUE)));
        assertRejected("xs must not be empty", () -> CoordinationFormulas.exactMean(List.of()));
        assertRejected(
                "xs must contain only finite values, got Infinity",
                () -> CoordinationFormulas.exactMean(List.of(1.0, Double.POSITIVE_INFINITY)));
    }

    private static AgentDuration d(String agent, double seconds) {
        return new AgentDuration(agent, seconds);
    }

    private static StragglerGap straggler(AgentDuration... durations) {
        return CoordinationFormulas.computeStragglerGap(List.of(durations));
    }
}
