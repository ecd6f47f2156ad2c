package dev.vigil.quality;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vigil.spi.model.FinishReason;
import dev.vigil.spi.model.Run;
import dev.vigil.spi.model.TerminationReason;
import dev.vigil.spi.model.Turn;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** examples.md §4 (task metrics table) and quality.md §3. */
class TaskCompletionMetricsTest {

    private static TaskCompletionMetrics metrics(long tokens, long prompt) {
        return new TaskCompletionMetrics("t-1", "a-1", 3, tokens, 0.5, 12.0, prompt, null);
    }

    @ParameterizedTest(name = "tokens {0}, prompt {1}")
    @CsvSource({
        "1000, 1500, 1000, 1.0, true",
        "0, 50, 50, 0.0, false",
        "1000, 350, 350, 0.35, true",
        "1000, 300, 300, 0.3, false"
    })
    void examplesTableRow(long tokens, long prompt, long storedPrompt, double ratio, boolean flagged) {
        TaskCompletionMetrics m = metrics(tokens, prompt);

        assertEquals(storedPrompt, m.promptTokens());
        assertEquals(ratio, m.promptTokenRatio());
        assertEquals(flagged, m.promptTokenOverheadFlagged(RunQualityConfig.DEFAULTS));
    }

    @Test
    void ofRunTakesEveryFigureFromTheRun() {
        Run run = Run.builder("r-1", "agent-7", "task-9", TerminationReason.COMPLETED)
                .turn(Turn.builder(1, FinishReason.TOOL_USE)
                        .inputTokens(100)
                        .outputTokens(20)
                        .cost(0.25)
                        .build())
                .turn(Turn.builder(2, FinishReason.STOP)
                        .inputTokens(200)
                        .outputTokens(30)
                        .cost(0.5)
                        .build())
                .startedAt(Instant.parse("2025-01-01T00:00:00Z"))
                .endedAt(Instant.parse("2025-01-01T00:00:42.5Z"))
                .systemPromptTokens(90)
                .build();
        AccuracyEffortRatio ratio = AccuracyEffortRatio.compute(Fixtures.signals("CN"), 4);

        TaskCompletionMetrics m = TaskCompletionMetrics.of(run, ratio);

        assertEquals(new TaskCompletionMetrics("task-9", "agent-7", 2, 350L, 0.75, 42.5, 90L, ratio.ratio()), m);
        assertEquals(1.0, m.accuracyEffortRatio());
        assertNull(TaskCompletionMetrics.of(run, null).accuracyEffortRatio());
    }

    @Test
    void invalidComponentsAreRejected() {
        assertEquals(
                "agentId must not be blank",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> new TaskCompletionMetrics(null, " ", 0, 0, 0.0, 0.0, 0, null))
                        .getMessage());
        assertEquals(
                "taskId must not be blank",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> new TaskCompletionMetrics("", "a", 0, 0, 0.0, 0.0, 0, null))
                        .getMessage());
        assertEquals(
                "promptTokens must be >= 0, got -1",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> new TaskCompletionMetrics(null, "a", 0, 0, 0.0, 0.0, -1, null))
                        .getMessage());
        assertEquals(
                "costPerTask must be finite, got NaN",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> new TaskCompletionMetrics(null, "a", 0, 0, Double.NaN, 0.0, 0, null))
                        .getMessage());
        assertEquals(
                "turnsPerTask must be >= 0, got -2",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> new TaskCompletionMetrics(null, "a", -2, 0, 0.0, 0.0, 0, null))
                        .getMessage());
    }
}
