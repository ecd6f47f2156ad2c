package dev.vigil.health.stagnation;

import static dev.vigil.health.Fixtures.read;
import static dev.vigil.health.Fixtures.turn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.health.CapturingLogs;
import dev.vigil.spi.model.StagnationReason;
import dev.vigil.spi.model.StagnationResult;
import dev.vigil.spi.model.StagnationVerdict;
import dev.vigil.spi.model.ToolCall;
import dev.vigil.spi.model.Turn;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** examples.md §14: window 5, threshold 0.6, cycles on, maxCorrections 1, minToolTurns 2 unless a column says. */
class ToolRepetitionDetectorTest {

    /**
     * Turns are comma-separated; each turn is its fingerprint letters (one read_file call per letter) or "-" for a
     * turn without tool calls.
     */
    @ParameterizedTest(name = "[{index}] {0} corrections={1} -> {6} {7} {8} {9}")
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            textBlock =
                    """
            ''              | 0 | 5 | 0.6 | true  | 1 | NO_STAGNATION | null            | 0.0                | null
            A               | 0 | 5 | 0.6 | true  | 1 | NO_STAGNATION | null            | 0.0                | null
            -,-,-           | 0 | 5 | 0.6 | true  | 1 | NO_STAGNATION | null            | 0.0                | null
            A,B,C,D,E       | 0 | 5 | 0.6 | true  | 1 | NO_STAGNATION | null            | 0.0                | null
            A,B,C,D,A       | 0 | 5 | 0.6 | true  | 1 | NO_STAGNATION | null            | 0.2                | null
            A,A,A,A,A       | 0 | 5 | 0.6 | true  | 1 | INJECT_PROMPT | CYCLE_DETECTION | 0.8                | 2
            A,A,A           | 0 | 5 | 0.6 | true  | 1 | INJECT_PROMPT | TOOL_REPETITION | 0.6666666666666666 | null
            A,B,A,B         | 0 | 5 | 1.0 | true  | 1 | INJECT_PROMPT | CYCLE_DETECTION | 0.5                | 2
            A,B,A,B         | 0 | 5 | 1.0 | false | 1 | NO_STAGNATION | null            | 0.5                | null
            A,A,A,A,A       | 1 | 5 | 0.6 | true  | 1 | TERMINATE     | CYCLE_DETECTION | 0.8                | 2
            A,A,A,A,A       | 0 | 5 | 0.6 | true  | 0 | TERMINATE     | CYCLE_DETECTION | 0.8                | 2
            A,A,B,C         | 0 | 2 | 0.6 | true  | 1 | NO_STAGNATION | null            | 0.0                | null
            -,A,-,A,-       | 0 | 5 | 0.4 | true  | 1 | INJECT_PROMPT | TOOL_REPETITION | 0.5                | null
            A,A,B,B         | 0 | 5 | 0.6 | true  | 1 | NO_STAGNATION | null            | 0.5                | null
            AB,AB           | 0 | 5 | 0.6 | true  | 1 | NO_STAGNATION | null            | 0.5                | null
            AB,AB,AB,AB     | 0 | 5 | 0.6 | true  | 1 | INJECT_PROMPT | CYCLE_DETECTION | 0.75               | 2
            """)
    void examplesTable(
            String turns,
            int corrections,
            int window,
            double threshold,
            boolean cycles,
            int maxCorrections,
            StagnationVerdict verdict,
            StagnationReason reason,
            double ratio,
            Integer cycle) {
        ToolRepetitionDetector detector =
                new ToolRepetitionDetector(new StagnationConfig(window, threshold, cycles, maxCorrections, 2));

        StagnationResult result = detector.check(parse(turns), corrections);

        assertEquals(verdict, result.verdict());
        assertEquals(reason, result.reason());
        assertEquals(ratio, result.repetitionRatio());
        assertEquals(cycle, result.cycleLength());
        assertEquals(verdict == StagnationVerdict.INJECT_PROMPT, result.correctiveMessage() != null);
    }

    @Test
    void fiveIdenticalCallsNameTheRepeatedFingerprintInTheMessage() {
        String a = read("A").fingerprint();
        StagnationResult result = new ToolRepetitionDetector(StagnationConfig.DEFAULTS).check(parse("A,A,A,A,A"), 0);

        assertTrue(result.correctiveMessage().contains("multiple times: " + a + ". Try"), result.correctiveMessage());
        assertEquals(Map.of("repeated_tools", List.of(a)), result.details());
    }

    @Test
    void correctiveMessageIsExactlyTheSpecText() {
        // examples.md §10 C: read_file {"path": "a.txt"} fingerprints to read_file:5aff422311aaf6f4.
        ToolCall readA = ToolCall.of("read_file", Map.of("path", "a.txt"));
        List<Turn> turns = List.of(turn(1, readA), turn(2, readA), turn(3, readA));

        StagnationResult result = new ToolRepetitionDetector(StagnationConfig.DEFAULTS).check(turns, 0);

        assertEquals(
                "[SYSTEM INTERVENTION: Stagnation detected -- your recent tool calls show a repeating pattern without"
                        + " progress. The following tools have been called with identical arguments multiple times:"
                        + " read_file:5aff422311aaf6f4. Try a different approach: modify your arguments, use different"
                        + " tools, or reconsider your strategy.]",
                result.correctiveMessage());
    }

    @Test
    void repeatedToolsAreSortedAndDistinct() {
        StagnationResult result = new ToolRepetitionDetector(StagnationConfig.DEFAULTS).check(parse("BA,BA,BA"), 0);

        List<String> expected =
                new ArrayList<>(List.of(read("A").fingerprint(), read("B").fingerprint()));
        expected.sort(null);
        assertEquals(expected, result.details().get("repeated_tools"));
    }

    @Test
    void cycleDetectionAlone() {
        assertEquals(2, ToolRepetitionDetector.cycleLength(lists("A", "A", "A", "A")));
        assertEquals(2, ToolRepetitionDetector.cycleLength(lists("A", "B", "A", "B")));
        assertEquals(3, ToolRepetitionDetector.cycleLength(lists("A", "B", "C", "A", "B", "C")));
        assertNull(ToolRepetitionDetector.cycleLength(lists("A", "B", "A", "C")));
        assertNull(ToolRepetitionDetector.cycleLength(lists("A", "B", "C")));
    }

    @Test
    void belowMinToolTurnsReturnsTheConstant() {
        assertSame(
                StagnationResult.NO_STAGNATION,
                new ToolRepetitionDetector(StagnationConfig.DEFAULTS).check(parse("A,-,-"), 0));
    }

    @Test
    void logsDetectionWithItsFields() {
        try (CapturingLogs.Capture logs = CapturingLogs.capture()) {
            new ToolRepetitionDetector(StagnationConfig.DEFAULTS).check(parse("A,A,A"), 0);

            CapturingLogs.Event event = logs.named("vigil.stagnation.detected").get(0);
            assertEquals(0.6666666666666666, event.field("repetition_ratio"));
            assertEquals("tool_repetition", event.field("reason"));
            assertEquals(0, event.field("corrections_injected"));
            assertEquals(1, event.field("max_corrections"));
        }
    }

    @Test
    void configurationErrors() {
        assertEquals(
                "minToolTurns (6) exceeds windowSize (5) -- stagnation check will never fire within the window",
                assertThrows(IllegalArgumentException.class, () -> new StagnationConfig(5, 0.6, true, 1, 6))
                        .getMessage());
        assertEquals(
                "windowSize must be in [2, 50], got 1",
                assertThrows(IllegalArgumentException.class, () -> new StagnationConfig(1, 0.6, true, 1, 1))
                        .getMessage());
        assertEquals(
                "repetitionThreshold must be in [0.0, 1.0], got 1.5",
                assertThrows(IllegalArgumentException.class, () -> new StagnationConfig(5, 1.5, true, 1, 2))
                        .getMessage());
        assertEquals(
                "repetitionThreshold must be finite, got NaN",
                assertThrows(IllegalArgumentException.class, () -> new StagnationConfig(5, Double.NaN, true, 1, 2))
                        .getMessage());
        assertEquals(
                "maxCorrections must be >= 0, got -1",
                assertThrows(IllegalArgumentException.class, () -> new StagnationConfig(5, 0.6, true, -1, 2))
                        .getMessage());
        assertEquals(
                "correctionsInjected must be >= 0, got -1",
                assertThrows(IllegalArgumentException.class, () -> new ToolRepetitionDetector(StagnationConfig.DEFAULTS)
                                .check(List.of(), -1))
                        .getMessage());
    }

    /** Parses the table's turn notation. */
    static List<Turn> parse(String spec) {
        List<Turn> turns = new ArrayList<>();
        if (spec.isEmpty()) {
            return turns;
        }
        int number = 1;
        for (String part : spec.split(",")) {
            List<ToolCall> calls = new ArrayList<>();
            if (!part.equals("-")) {
                for (char c : part.toCharArray()) {
                    calls.add(read(String.valueOf(c)));
                }
            }
            turns.add(turn(number++, calls.toArray(new ToolCall[0])));
        }
        return turns;
    }

    private static List<List<String>> lists(String... singles) {
        List<List<String>> out = new ArrayList<>();
        Arrays.stream(singles).forEach(s -> out.add(List.of(s)));
        return out;
    }
}
