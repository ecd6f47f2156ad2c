package dev.vigil.health.stagnation;

import static dev.vigil.health.Fixtures.call;
import static dev.vigil.health.Fixtures.turn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vigil.spi.model.ToolCall;
import dev.vigil.spi.model.Turn;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** examples.md §15 (window 10 unless stated; weights 0.4 / 0.4 / 0.2). r = read_file, w = write_file. */
class StructuralErosionTest {

    static Stream<Arguments> table() {
        List<Turn> distinct = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            distinct.add(turn(i + 1, call("tool_" + i, "k" + i)));
        }
        return Stream.of(
                Arguments.of("none", List.of(), 10, 0.0, 0.0, 0.0, 0.0),
                Arguments.of("one turn", turns("r:A"), 10, 0.0, 0.0, 0.0, 0.0),
                Arguments.of("r:A, r:A", turns("r:A", "r:A"), 10, 0.5, 0.0, 0.0, 0.2),
                Arguments.of(
                        "r:A x 3", turns("r:A", "r:A", "r:A"), 10, 0.6666666666666666, 0.0, 0.0, 0.26666666666666666),
                Arguments.of("r:A x 19, window 5", repeat("r:A", 19), 5, 0.8, 0.0, 0.0, 0.32000000000000006),
                Arguments.of("r:A x 19", repeat("r:A", 19), 10, 0.9, 0.0, 0.0, 0.36000000000000004),
                Arguments.of("r:A, r:A, r:B, r:C", turns("r:A", "r:A", "r:B", "r:C"), 10, 0.25, 1.0, 0.0, 0.5),
                Arguments.of(
                        "r:A, r:A, r:A, r:B, r:C, r:D",
                        turns("r:A", "r:A", "r:A", "r:B", "r:C", "r:D"),
                        10,
                        0.3333333333333333,
                        1.0,
                        0.0,
                        0.5333333333333333),
                Arguments.of(
                        "r:A, w:B alternating x 4",
                        turns("r:A", "w:B", "r:A", "w:B", "r:A", "w:B", "r:A", "w:B"),
                        10,
                        0.75,
                        0.0,
                        0.14285714285714285,
                        0.3285714285714286),
                Arguments.of("10 distinct", distinct, 10, 0.0, 0.0, 1.0, 0.2),
                Arguments.of("r:A, r:B, w:C", turns("r:A", "r:B", "w:C"), 10, 0.0, 0.0, 0.5, 0.1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("table")
    void examplesTable(
            String name, List<Turn> turns, int window, double dup, double cyc, double dead, double composite) {
        ErosionScore score = StructuralErosion.score(turns, window, ErosionWeights.DEFAULTS);

        assertEquals(dup, score.duplicatedBlocks(), "dup");
        assertEquals(cyc, score.cyclomaticDelta(), "cyc");
        assertEquals(dead, score.deadBranches(), "dead");
        assertEquals(composite, score.composite(), "composite");
        assertEquals(dup, StructuralErosion.duplicatedBlocks(turns, window));
        assertEquals(cyc, StructuralErosion.cyclomaticDelta(turns, window));
        assertEquals(dead, StructuralErosion.deadBranches(turns, window));
        assertEquals(composite, StructuralErosion.composite(turns, window, ErosionWeights.DEFAULTS));
    }

    @Test
    void toolLessTurnsAreOutsideTheWindow() {
        List<Turn> turns = new ArrayList<>(turns("r:A", "r:A"));
        turns.add(turn(3));
        turns.add(1, turn(9)); // turn numbers play no part in erosion
        assertEquals(0.5, StructuralErosion.duplicatedBlocks(turns, 10));
    }

    @Test
    void rejectsNonPositiveWindow() {
        assertEquals(
                "windowSize must be >= 1, got 0",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> StructuralErosion.composite(List.of(), 0, ErosionWeights.DEFAULTS))
                        .getMessage());
    }

    @Test
    void weightsAreValidated() {
        assertEquals(
                "duplicated must be in [0.0, 1.0], got 1.5",
                assertThrows(IllegalArgumentException.class, () -> new ErosionWeights(1.5, 0.4, 0.2))
                        .getMessage());
    }

    /** Turns from "r:A" / "w:B" / "r+w:AB" specs: r = read_file, w = write_file, letters are argument keys. */
    static List<Turn> turns(String... specs) {
        List<Turn> out = new ArrayList<>();
        int number = 1;
        for (String spec : specs) {
            String[] parts = spec.split(":");
            String[] tools = parts[0].split("\\+");
            List<ToolCall> calls = new ArrayList<>();
            for (int i = 0; i < tools.length; i++) {
                String tool = tools[i].equals("r") ? "read_file" : "write_file";
                calls.add(call(tool, String.valueOf(parts[1].charAt(i))));
            }
            out.add(turn(number++, calls.toArray(new ToolCall[0])));
        }
        return out;
    }

    static List<Turn> repeat(String spec, int times) {
        return turns(Collections.nCopies(times, spec).toArray(new String[0]));
    }
}
