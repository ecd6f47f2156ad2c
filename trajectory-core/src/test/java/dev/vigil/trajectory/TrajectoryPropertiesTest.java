package dev.vigil.trajectory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.spi.model.Candidate;
import dev.vigil.spi.model.FinishReason;
import dev.vigil.spi.model.Run;
import dev.vigil.spi.model.TerminationReason;
import dev.vigil.spi.model.ToolCall;
import dev.vigil.spi.model.Turn;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** jqwik properties of trajectory.md: selection, consistency, the budget guard and PTE, with hostile inputs. */
class TrajectoryPropertiesTest {

    /** What varies between generated candidates. */
    record Spec(Double vc, long traceTokens, List<String> lastTurnTools, Map<String, Object> arguments) {}

    @Provide
    Arbitrary<Spec> spec() {
        Arbitrary<Double> vc = Arbitraries.oneOf(
                        Arbitraries.doubles().between(0.0, 100.0),
                        Arbitraries.of(0.0, Double.MIN_VALUE, 1e-300, 100.0, 50.0))
                .injectNull(0.25);
        Arbitrary<Long> tokens = Arbitraries.oneOf(
                Arbitraries.longs().between(1, 10_000), Arbitraries.of(0L, 1L, Long.MAX_VALUE, 1L << 53));
        Arbitrary<List<String>> tools = Arbitraries.of("A", "B", "C").list().ofMaxSize(2);
        Arbitrary<Map<String, Object>> arguments = Arbitraries.of(
                Map.<String, Object>of(), Map.<String, Object>of("q", "ü\u0000"), Map.<String, Object>of("n", -0.0));
        return Combinators.combine(vc, tokens, tools, arguments).as(Spec::new);
    }

    @Provide
    Arbitrary<List<Spec>> specs() {
        return spec().list().ofMinSize(2).ofMaxSize(5);
    }

    static Run run(int index, Spec spec) {
        Turn.Builder turn = Turn.builder(1, FinishReason.TOOL_USE);
        for (String tool : spec.lastTurnTools()) {
            turn.toolCall(ToolCall.of(tool, spec.arguments()));
        }
        return Run.builder("r" + index, "agent", "task", TerminationReason.COMPLETED)
                .turn(turn.build())
                .build();
    }

    static List<Candidate> candidates(List<Spec> specs) {
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            Spec spec = specs.get(i);
            candidates.add(new Candidate(i, run(i, spec), spec.vc(), spec.traceTokens()));
        }
        return candidates;
    }

    @Property
    void selectionIsInvariantToOrderWhenNoTiesExist(@ForAll("specs") List<Spec> specs, @ForAll Random random) {
        List<Candidate> candidates = candidates(specs);
        List<TrajectoryScore> scores = TrajectoryScorer.scoreCandidates(candidates);
        Assume.that(scores.stream().map(TrajectoryScore::jointScore).distinct().count() == scores.size());

        List<Candidate> shuffled = new ArrayList<>(candidates);
        Collections.shuffle(shuffled, random);
        assertEquals(
                TrajectoryScorer.selectBest(candidates).candidateIndex(),
                TrajectoryScorer.selectBest(shuffled).candidateIndex());
    }

    @Property
    void consistencyFlagsNeverDependOnOrder(@ForAll("specs") List<Spec> specs, @ForAll Random random) {
        List<Candidate> candidates = candidates(specs);
        List<Candidate> shuffled = new ArrayList<>(candidates);
        Collections.shuffle(shuffled, random);
        assertEquals(flagsByIndex(candidates), flagsByIndex(shuffled));
    }

    @Property
    void selectionIsDeterministicAndScoresFollowTheFormula(@ForAll("specs") List<Spec> specs) {
        List<Candidate> candidates = candidates(specs);
        assertEquals(
                TrajectoryScorer.selectBest(candidates).candidateIndex(),
                TrajectoryScorer.selectBest(candidates).candidateIndex());
        for (TrajectoryScore score : TrajectoryScorer.scoreCandidates(candidates)) {
            assertTrue(score.lenScore() <= 0.0);
            assertTrue(Double.isFinite(score.jointScore()));
            double expected = score.lenScore() == 0.0
                    ? score.vcScore()
                    : score.vcScore() * Math.abs(score.lenScore()) + score.lenScore();
            assertEquals(expected, score.jointScore());
        }
        TrajectoryScore best = TrajectoryScorer.scoreCandidates(candidates).stream()
                .filter(s -> s.candidateIndex()
                        == TrajectoryScorer.selectBest(candidates).candidateIndex())
                .findFirst()
                .orElseThrow();
        assertTrue(best.consistent(), "a majority always exists among consistent candidates or all are consistent");
    }

    @Property
    void aCopyOfTheMajorityIsNeverInconsistent(
            @ForAll("spec") Spec majority,
            @ForAll @IntRange(min = 1, max = 5) int copies,
            @ForAll("spec") Spec other1,
            @ForAll("spec") Spec other2,
            @ForAll("spec") Spec other3,
            @ForAll @IntRange(min = 0, max = 3) int othersWanted,
            @ForAll Random random) {
        int others = Math.min(othersWanted, copies - 1);
        List<Spec> pool = List.of(other1, other2, other3);
        List<Spec> specs = new ArrayList<>();
        List<Boolean> isCopy = new ArrayList<>();
        for (int i = 0; i < copies; i++) {
            specs.add(majority);
            isCopy.add(true);
        }
        for (int i = 0; i < others; i++) {
            specs.add(pool.get(i));
            isCopy.add(false);
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, random);
        List<Candidate> candidates = new ArrayList<>();
        List<Boolean> copyFlags = new ArrayList<>();
        for (int position : order) {
            Spec spec = specs.get(position);
            candidates.add(new Candidate(position, run(position, spec), spec.vc(), spec.traceTokens()));
            copyFlags.add(isCopy.get(position));
        }
        List<TrajectoryScore> scores = TrajectoryScorer.scoreCandidates(candidates);
        for (int i = 0; i < scores.size(); i++) {
            if (copyFlags.get(i)) {
                assertTrue(scores.get(i).consistent(), "copy at position " + i + " marked inconsistent");
            }
        }
    }

    @Provide
    Arbitrary<Double> hostileAmount() {
        return Arbitraries.oneOf(
                Arbitraries.doubles(),
                Arbitraries.doubles().between(-10, 10),
                Arbitraries.of(
                        0.0,
                        -0.0,
                        Double.MIN_VALUE,
                        -Double.MIN_VALUE,
                        Double.MAX_VALUE,
                        -Double.MAX_VALUE,
                        1e-300,
                        1e300));
    }

    @Provide
    Arbitrary<Double> hostileMargin() {
        return Arbitraries.oneOf(
                Arbitraries.doubles().between(0.0, 1.0),
                Arbitraries.doubles().between(-2.0, 3.0),
                Arbitraries.of(0.0, 1.0, -0.0, Math.nextUp(1.0), -Double.MIN_VALUE));
    }

    @Property
    void moreBudgetNeverTurnsTrueIntoFalse(
            @ForAll("hostileAmount") double remaining,
            @ForAll("hostileAmount") double extra,
            @ForAll("hostileAmount") double cost,
            @ForAll @IntRange(min = -2, max = 1000) int k,
            @ForAll("hostileMargin") double margin) {
        double more = remaining + Math.abs(extra);
        Assume.that(Double.isFinite(more));
        if (BudgetGuard.checkTrajectoryBudget(remaining, cost, k, margin)) {
            assertTrue(BudgetGuard.checkTrajectoryBudget(more, cost, k, margin));
        }
    }

    @Property
    void guardNeverPassesWhatItCannotPayFor(
            @ForAll("hostileAmount") double remaining,
            @ForAll("hostileAmount") double cost,
            @ForAll @IntRange(min = -2, max = 1000) int k,
            @ForAll("hostileMargin") double margin) {
        if (BudgetGuard.checkTrajectoryBudget(remaining, cost, k, margin)) {
            assertTrue(k >= 1 && margin >= 0.0 && margin <= 1.0 && remaining > 0.0 && cost > 0.0);
            assertTrue(cost * k <= remaining * (1.0 - margin));
        }
    }

    @Property
    void nonFiniteBudgetArgumentsThrow(
            @ForAll("hostileAmount") double finite,
            @ForAll @DoubleRange(min = 0, max = 1) double margin,
            @ForAll("nonFinite") double bad) {
        assertThrows(IllegalArgumentException.class, () -> BudgetGuard.checkTrajectoryBudget(bad, finite, 2, margin));
        assertThrows(IllegalArgumentException.class, () -> BudgetGuard.checkTrajectoryBudget(finite, bad, 2, margin));
        assertThrows(IllegalArgumentException.class, () -> BudgetGuard.checkTrajectoryBudget(finite, finite, 2, bad));
    }

    @Provide
    Arbitrary<Double> nonFinite() {
        return Arbitraries.of(Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY);
    }

    @Provide
    Arbitrary<Turn> pteTurn() {
        Arbitrary<Long> tokens = Arbitraries.oneOf(
                Arbitraries.longs().between(0, 100_000), Arbitraries.of(0L, 1L, 1L << 40, (long) Integer.MAX_VALUE));
        Arbitrary<Integer> prior =
                Arbitraries.oneOf(Arbitraries.integers().between(0, 50), Arbitraries.of(0, Integer.MAX_VALUE));
        return Combinators.combine(tokens, tokens, prior, tokens)
                .as((input, output, priorCalls, toolTokens) ->
                        Fixtures.pteTurn(1, input, output, priorCalls, toolTokens));
    }

    @Provide
    Arbitrary<PteConfig> pteConfig() {
        return Combinators.combine(
                        Arbitraries.oneOf(Arbitraries.doubles().between(0.0, 1.0), Arbitraries.of(0.0, 1.0)),
                        Arbitraries.oneOf(Arbitraries.doubles().between(1.0, 5.0), Arbitraries.of(1.0, 5.0)))
                .as(PteConfig::new);
    }

    @Property
    void pteIsNonNegativeAndAdditiveOverTurns(
            @ForAll("pteConfig") PteConfig config,
            @ForAll("pteTurns") List<Turn> first,
            @ForAll("pteTurns") List<Turn> second) {
        List<Turn> all = new ArrayList<>(first);
        all.addAll(second);

        double total = PrefillTokenEquivalents.ofTurns(all, config);
        assertTrue(total >= 0.0 && Double.isFinite(total));

        // Exactly the in-order sum of the per-turn values.
        double fold = 0.0;
        for (Turn turn : all) {
            double one = PrefillTokenEquivalents.ofTurn(turn, config);
            assertTrue(one >= 0.0);
            fold += one;
        }
        assertEquals(fold, total);

        // Additive over a split, up to rounding of the two partial sums.
        double split = PrefillTokenEquivalents.ofTurns(first, config) + PrefillTokenEquivalents.ofTurns(second, config);
        assertEquals(total, split, Math.ulp(total) * 4 * (all.size() + 1));
    }

    @Provide
    Arbitrary<List<Turn>> pteTurns() {
        return pteTurn().list().ofMaxSize(8);
    }

    @Property
    void efficiencyRatiosAreNonNegative(
            @ForAll @IntRange(min = 0, max = 10_000) int steps,
            @ForAll @IntRange(min = 0, max = 10_000) int toolCalls,
            @ForAll @DoubleRange(min = 0.0, max = 1e12) double latency,
            @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int output,
            @ForAll @DoubleRange(min = 0.0, max = 1e15) double pte,
            @ForAll @IntRange(min = 0, max = 5) int idealToolCalls) {
        IdealTrajectoryBaseline baseline =
                EfficiencyRatiosExamplesTest.research(idealToolCalls, java.time.Instant.parse("2026-03-01T00:00:00Z"));
        EfficiencyRatios ratios =
                EfficiencyRatios.compute(baseline, steps, toolCalls, latency, output, 0.0, List.of(), pte);
        for (double ratio : new double[] {
            ratios.stepRatio(),
            ratios.toolCallRatio(),
            ratios.latencyRatio(),
            ratios.verbosityRatio(),
            ratios.pteRatio()
        }) {
            assertTrue(ratio >= 0.0 && Double.isFinite(ratio));
        }
    }

    private static Map<Integer, Boolean> flagsByIndex(List<Candidate> candidates) {
        Map<Integer, Boolean> flags = new HashMap<>();
        for (TrajectoryScore score : TrajectoryScorer.scoreCandidates(candidates)) {
            flags.put(score.candidateIndex(), score.consistent());
        }
        assertEquals(new HashSet<>(flags.keySet()).size(), candidates.size());
        return flags;
    }
}
