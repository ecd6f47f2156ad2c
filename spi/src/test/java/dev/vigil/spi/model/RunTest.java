package dev.vigil.spi.model;

import static dev.vigil.spi.model.Fixtures.T0;
import static dev.vigil.spi.model.Fixtures.turn;
import static dev.vigil.spi.model.Fixtures.turns;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Segmentation (F1), totals, durationSeconds (F2) and elapsedSecondsAtEndOf of {@link Run}. */
class RunTest {

    private static List<Integer> numbers(Step step) {
        return step.turns().stream().map(Turn::turnNumber).toList();
    }

    @Test
    void withoutSourceStepsEachTurnIsAStepAndTheLastTakesTheRunsReason() {
        Run run = Run.builder("r", "a", "t", TerminationReason.MAX_TURNS)
                .turns(turns(1, 2, 3))
                .build();
        List<Step> steps = run.steps();
        assertEquals(3, steps.size());
        assertEquals(List.of(0, 1, 2), steps.stream().map(Step::stepIndex).toList());
        assertEquals(
                List.of(List.of(1), List.of(2), List.of(3)),
                steps.stream().map(RunTest::numbers).toList());
        assertEquals(
                List.of(TerminationReason.COMPLETED, TerminationReason.COMPLETED, TerminationReason.MAX_TURNS),
                steps.stream().map(Step::terminationReason).toList());
        steps.forEach(step -> assertNull(step.label()));
    }

    @Test
    void aRunWithoutTurnsIsOneEmptyStep() {
        Run run = Run.builder("r", "a", "t", TerminationReason.CANCELLED).build();
        assertEquals(List.of(new Step(0, List.of(), TerminationReason.CANCELLED)), run.steps());
    }

    @Test
    void aSingleTurnRunIsOneStepWithTheRunsReason() {
        Run run = Run.builder("r", "a", "t", TerminationReason.ERROR)
                .errorMessage("boom")
                .turns(turns(7))
                .build();
        assertEquals(List.of(new Step(0, turns(7), TerminationReason.ERROR)), run.steps());
    }

    @Test
    void sourceStepsAreUsedAsGiven() {
        List<Step> source = List.of(
                new Step(0, turns(1, 2), TerminationReason.COMPLETED, StepQuality.CORRECT),
                new Step(1, List.of(), TerminationReason.COMPLETED),
                new Step(2, turns(3), TerminationReason.STAGNATION, StepQuality.INCORRECT));
        Run run = Fixtures.run().turns(turns(1, 2, 3)).sourceSteps(source).build();
        assertEquals(source, run.steps());
        assertSame(run.sourceSteps(), run.steps());
    }

    @Test
    void totalsSumOverTurns() {
        Run run = Fixtures.run()
                .turn(Turn.builder(1, FinishReason.TOOL_USE)
                        .inputTokens(100)
                        .outputTokens(20)
                        .cost(0.1)
                        .toolCall(new ToolCall("a", Map.of()))
                        .toolCall(new ToolCall("b", Map.of()))
                        .build())
                .turn(Turn.builder(2, FinishReason.STOP)
                        .inputTokens(50)
                        .outputTokens(5)
                        .cost(0.2)
                        .build())
                .build();
        assertEquals(175L, run.totalTokens());
        assertEquals(25L, run.totalOutputTokens());
        assertEquals(0.1 + 0.2, run.totalCost());
        assertEquals(2, run.totalToolCalls());
    }

    @Test
    void emptyRunTotalsAreZero() {
        Run run = Fixtures.run().build();
        assertEquals(0L, run.totalTokens());
        assertEquals(0.0, run.totalCost());
        assertEquals(0, run.totalToolCalls());
        assertEquals(0.0, run.durationSeconds());
    }

    @Test
    void durationUsesTimestampsWhenBothAreSet() {
        Run run = Fixtures.run()
                .startedAt(Instant.parse("2026-03-01T10:00:00Z"))
                .endedAt(Instant.parse("2026-03-01T10:00:30.5Z"))
                .turns(List.of(turn(1, 99_000.0)))
                .build();
        assertEquals(30.5, run.durationSeconds());
    }

    @Test
    void durationKeepsNanoseconds() {
        Run run = Fixtures.run().startedAt(T0).endedAt(T0.plusNanos(1_500)).build();
        assertEquals(1.5e-6, run.durationSeconds());
    }

    @Test
    void durationFallsBackToLatenciesWithNullAsZero() {
        Run run = Fixtures.run()
                .turns(List.of(turn(1, 1200.0), turn(2, null), turn(3, 800.0)))
                .build();
        assertEquals(2.0, run.durationSeconds());
    }

    @Test
    void durationFallsBackToLatenciesWhenOnlyOneTimestampIsSet() {
        Run run = Fixtures.run().startedAt(T0).turns(List.of(turn(1, 500.0))).build();
        assertEquals(0.5, run.durationSeconds());
    }

    @Test
    void elapsedAtEndOfStepSumsLatencies() {
        Run run = Fixtures.run()
                .turns(List.of(turn(1, 1000.0), turn(2, 1000.0), turn(3, 1000.0)))
                .build();
        assertEquals(1.0, run.elapsedSecondsAtEndOf(0));
        assertEquals(2.0, run.elapsedSecondsAtEndOf(1));
        assertEquals(3.0, run.elapsedSecondsAtEndOf(2));
    }

    @Test
    void elapsedAtEndOfStepUsesTheLastTurnsEndWhenTimed() {
        Turn first = Turn.builder(1, FinishReason.STOP)
                .latencyMs(1.0)
                .endedAt(T0.plusMillis(2_500))
                .build();
        Turn second = Turn.builder(2, FinishReason.STOP).latencyMs(1000.0).build();
        Run run = Fixtures.run().startedAt(T0).turns(List.of(first, second)).build();
        assertEquals(2.5, run.elapsedSecondsAtEndOf(0));
        // the second turn has no endedAt: latencies of turns 1..2
        assertEquals(1.001, run.elapsedSecondsAtEndOf(1));
    }

    @Test
    void emptyStepsTakeThePreviousStepsValue() {
        List<Turn> turns = List.of(turn(1, 1500.0), turn(2, 500.0));
        Run run = Fixtures.run()
                .turns(turns)
                .sourceStep(new Step(0, List.of(), TerminationReason.COMPLETED))
                .sourceStep(new Step(1, turns.subList(0, 1), TerminationReason.COMPLETED))
                .sourceStep(new Step(2, List.of(), TerminationReason.COMPLETED))
                .sourceStep(new Step(3, List.of(), TerminationReason.COMPLETED))
                .sourceStep(new Step(4, turns.subList(1, 2), TerminationReason.COMPLETED))
                .build();
        assertEquals(0.0, run.elapsedSecondsAtEndOf(0));
        assertEquals(1.5, run.elapsedSecondsAtEndOf(1));
        assertEquals(1.5, run.elapsedSecondsAtEndOf(2));
        assertEquals(1.5, run.elapsedSecondsAtEndOf(3));
        assertEquals(2.0, run.elapsedSecondsAtEndOf(4));
    }

    @Test
    void elapsedOfARunWithoutTurnsIsZero() {
        assertEquals(0.0, Fixtures.run().startedAt(T0).build().elapsedSecondsAtEndOf(0));
    }

    @Test
    void elapsedIsClampedAtZero() {
        Turn early =
                Turn.builder(1, FinishReason.STOP).endedAt(T0.minusSeconds(5)).build();
        Run run = Fixtures.run().startedAt(T0).turns(List.of(early)).build();
        assertEquals(0.0, run.elapsedSecondsAtEndOf(0));
        assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(run.elapsedSecondsAtEndOf(0)));
    }

    @Test
    void elapsedRejectsAStepIndexOutOfRange() {
        Run run = Fixtures.run().turns(turns(1, 2)).build();
        assertEquals(
                "stepIndex must be in [0, 1], got 2",
                assertThrows(IllegalArgumentException.class, () -> run.elapsedSecondsAtEndOf(2))
                        .getMessage());
        assertEquals(
                "stepIndex must be in [0, 1], got -1",
                assertThrows(IllegalArgumentException.class, () -> run.elapsedSecondsAtEndOf(-1))
                        .getMessage());
    }

    @Test
    void builderDefaults() {
        Run run = Run.builder("r", "a", "t", TerminationReason.COMPLETED).build();
        assertEquals(List.of(), run.turns());
        assertEquals(List.of(), run.sourceSteps());
        assertNull(run.errorMessage());
        assertNull(run.errorType());
        assertFalse(run.recoveryApplied());
        assertNull(run.startedAt());
        assertNull(run.endedAt());
        assertEquals(0L, run.systemPromptTokens());
        assertEquals(0, run.expectedSteps());
        assertNull(run.taskType());
        assertNull(run.complexity());
        assertNull(run.finalOutput());
        assertEquals(Map.of(), run.metadata());
    }

    @Test
    void errorAndNoOpRunsCarryTheirMessage() {
        assertEquals(
                "boom",
                Run.builder("r", "a", "t", TerminationReason.ERROR)
                        .errorMessage("boom")
                        .errorType("IOException")
                        .recoveryApplied(true)
                        .build()
                        .errorMessage());
        assertEquals(
                "no artifact",
                Run.builder("r", "a", "t", TerminationReason.NO_OP)
                        .errorMessage("no artifact")
                        .build()
                        .errorMessage());
    }

    @Test
    void turnsAreCopiedAndUnmodifiable() {
        List<Turn> source = new ArrayList<>(turns(1, 2));
        Run run = new Run(
                "r",
                "a",
                "t",
                TerminationReason.COMPLETED,
                source,
                null,
                null,
                null,
                false,
                null,
                null,
                0,
                0,
                null,
                null,
                null,
                null);
        source.add(turn(3));
        assertEquals(2, run.turns().size());
        assertEquals(List.of(), run.sourceSteps());
        assertEquals(Map.of(), run.metadata());
        assertThrows(UnsupportedOperationException.class, () -> run.turns().add(turn(9)));
        assertThrows(UnsupportedOperationException.class, () -> run.steps()
                .add(run.steps().get(0)));
    }

    @Test
    void toBuilderRoundTrips() {
        Run run = Fixtures.run()
                .turns(turns(1, 2))
                .startedAt(T0)
                .endedAt(T0.plusSeconds(3))
                .systemPromptTokens(12)
                .expectedSteps(4)
                .taskType("bugfix")
                .complexity(Complexity.COMPLEX)
                .finalOutput("done")
                .metadata(Map.of("k", List.of(1, 2)))
                .build();
        assertEquals(run, run.toBuilder().build());
        assertEquals("other", run.toBuilder().finalOutput("other").build().finalOutput());
    }
}
