package dev.vigil.health.stagnation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.health.CountingTurns;
import dev.vigil.spi.model.FinishReason;
import dev.vigil.spi.model.StagnationResult;
import dev.vigil.spi.model.StagnationVerdict;
import dev.vigil.spi.model.ToolCall;
import dev.vigil.spi.model.Turn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Both detectors are total on any sequence of turns (empty, tool-less, one tool, long, 10^5 turns) under any valid
 * configuration, and each check reads only the trailing window: the number of turns it inspects is bounded by the
 * window (plus tool-less turns interleaved with it), never by the run length.
 */
class StagnationPropertiesTest {

    @Property(tries = 300)
    void toolRepetitionIsTotalAndConsistent(
            @ForAll("runs") List<Turn> turns,
            @ForAll("stagnationConfigs") StagnationConfig config,
            @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int corrections) {
        StagnationResult result = new ToolRepetitionDetector(config).check(turns, corrections);

        assertNotNull(result);
        assertTrue(result.repetitionRatio() >= 0.0 && result.repetitionRatio() <= 1.0);
        if (result.verdict() == StagnationVerdict.NO_STAGNATION) {
            assertNull(result.reason());
        } else {
            assertEquals(
                    corrections < config.maxCorrections()
                            ? StagnationVerdict.INJECT_PROMPT
                            : StagnationVerdict.TERMINATE,
                    result.verdict());
        }
    }

    @Property(tries = 300)
    void qualityErosionIsTotalAndConsistent(
            @ForAll("runs") List<Turn> turns,
            @ForAll @IntRange(min = 2, max = 50) int window,
            @ForAll("unit") double threshold,
            @ForAll @IntRange(min = 0, max = 10) int maxCorrections,
            @ForAll @IntRange(min = 0, max = 20) int corrections) {
        StagnationResult result = new QualityErosionDetector(
                        new QualityErosionConfig(threshold, window), maxCorrections)
                .check(turns, corrections);

        assertNotNull(result);
        ErosionScore score = StructuralErosion.score(turns, window, ErosionWeights.DEFAULTS);
        for (double v :
                new double[] {score.duplicatedBlocks(), score.cyclomaticDelta(), score.deadBranches(), score.composite()
                }) {
            assertTrue(v >= 0.0 && v <= 1.0, "erosion value out of [0, 1]: " + v);
        }
        assertEquals(score.composite() >= threshold, result.detected());
    }

    @Property(tries = 200)
    void aCheckReadsOnlyTheTrailingWindow(
            @ForAll("runs") List<Turn> turns, @ForAll("stagnationConfigs") StagnationConfig config) {
        CountingTurns counted = new CountingTurns(turns);
        new ToolRepetitionDetector(config).check(counted, 0);

        assertTrue(counted.toolTurnReads() <= config.windowSize(), "read more tool turns than the window");
        assertEquals(readsNeeded(turns, config.windowSize()), counted.reads());

        CountingTurns erosionCounted = new CountingTurns(turns);
        new QualityErosionDetector(QualityErosionConfig.DEFAULTS, 1).check(erosionCounted, 0);
        assertEquals(readsNeeded(turns, QualityErosionConfig.DEFAULTS.windowSize()), erosionCounted.reads());
    }

    @Property(tries = 5)
    void aHundredThousandTurnsCostOneWindow(
            @ForAll("patterns") List<Integer> pattern, @ForAll @IntRange(min = 2, max = 50) int window) {
        List<Turn> run = new ArrayList<>(100_000);
        for (int i = 0; i < 100_000; i++) {
            int key = pattern.get(i % pattern.size());
            run.add(Turn.builder(i + 1, FinishReason.TOOL_USE)
                    .toolCall(ToolCall.of("tool_" + key % 3, Map.of("k", key)))
                    .build());
        }
        CountingTurns counted = new CountingTurns(run);
        StagnationResult result =
                new ToolRepetitionDetector(new StagnationConfig(window, 0.6, true, 1, 2)).check(counted, 0);
        assertNotNull(result);
        assertEquals(window, counted.reads());

        CountingTurns erosionCounted = new CountingTurns(run);
        new QualityErosionDetector(new QualityErosionConfig(0.5, window), 1).check(erosionCounted, 0);
        assertEquals(window, erosionCounted.reads());
    }

    /** Any threshold above 0 (a threshold of 0.0 flags every window, by definition of "ratio >= threshold"). */
    @Property(tries = 200)
    void uniqueFingerprintsNeverStagnate(
            @ForAll @IntRange(min = 0, max = 60) int length, @ForAll("stagnationConfigs") StagnationConfig any) {
        StagnationConfig config = any.repetitionThreshold() > 0.0
                ? any
                : new StagnationConfig(
                        any.windowSize(), 0.6, any.cycleDetection(), any.maxCorrections(), any.minToolTurns());
        List<Turn> run = new ArrayList<>();
        for (int i = 0; i < length; i++) {
            run.add(Turn.builder(i + 1, FinishReason.TOOL_USE)
                    .toolCall(ToolCall.of("read_file", Map.of("path", "file-" + i)))
                    .build());
        }
        assertEquals(
                StagnationVerdict.NO_STAGNATION,
                new ToolRepetitionDetector(config).check(run, 0).verdict());
    }

    /** Turns read by a backward scan that stops at the window's first tool turn (or at the run start). */
    private static long readsNeeded(List<Turn> turns, int window) {
        int toolTurns = 0;
        long reads = 0;
        for (int i = turns.size() - 1; i >= 0 && toolTurns < window; i--) {
            reads++;
            if (!turns.get(i).toolCalls().isEmpty()) {
                toolTurns++;
            }
        }
        return reads;
    }

    @Provide
    Arbitrary<List<Turn>> runs() {
        // Small alphabets make repetition and cycles common; 0 calls gives tool-less turns.
        Arbitrary<ToolCall> call = Combinators.combine(
                        Arbitraries.of("read_file", "write_file", "search", "x:y:z"),
                        Arbitraries.of("a", "b", "", "ü\u0000\ud83d\ude00"))
                .as((name, key) -> ToolCall.of(name, Map.of("path", key)));
        Arbitrary<List<ToolCall>> calls = Arbitraries.integers()
                .between(0, 10)
                .flatMap(n -> n < 3
                        ? Arbitraries.just(List.<ToolCall>of())
                        : n < 9
                                ? call.list().ofSize(1)
                                : call.list().ofMinSize(2).ofMaxSize(3));
        return calls.list().ofMinSize(0).ofMaxSize(40).map(StagnationPropertiesTest::numbered);
    }

    @Provide
    Arbitrary<StagnationConfig> stagnationConfigs() {
        return Combinators.combine(
                        Arbitraries.integers().between(2, 50),
                        unit(),
                        Arbitraries.of(true, false),
                        Arbitraries.integers().between(0, 10),
                        Arbitraries.integers().between(1, 50))
                .as((window, threshold, cycles, max, min) ->
                        new StagnationConfig(window, threshold, cycles, max, Math.min(min, window)));
    }

    @Provide
    Arbitrary<Double> unit() {
        return Arbitraries.oneOf(
                Arbitraries.of(0.0, 1.0, 0.6, Double.MIN_VALUE, Math.nextDown(1.0)),
                Arbitraries.doubles().between(0.0, 1.0));
    }

    @Provide
    Arbitrary<List<Integer>> patterns() {
        return Arbitraries.integers().between(0, 20).list().ofMinSize(1).ofMaxSize(7);
    }

    private static List<Turn> numbered(List<List<ToolCall>> callsPerTurn) {
        List<Turn> turns = new ArrayList<>();
        for (int i = 0; i < callsPerTurn.size(); i++) {
            turns.add(Turn.builder(i + 1, FinishReason.STOP)
                    .toolCalls(callsPerTurn.get(i))
                    .build());
        }
        return turns;
    }
}
