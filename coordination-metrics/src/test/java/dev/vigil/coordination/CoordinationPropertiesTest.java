package dev.vigil.coordination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.spi.model.AgentDuration;
import dev.vigil.spi.model.AgentMessage;
import dev.vigil.spi.model.FinishReason;
import dev.vigil.spi.model.Run;
import dev.vigil.spi.model.TeamRun;
import dev.vigil.spi.model.TerminationReason;
import dev.vigil.spi.model.Turn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.From;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Properties of coordination.md §1–§6 under hostile input (NaN, infinities, negatives, empty, huge). */
class CoordinationPropertiesTest {

    /** Every message a metric function may throw, per its javadoc. */
    private static final Pattern DOCUMENTED = Pattern.compile(String.join(
            "|",
            "\\w+ must be finite, got .+",
            "\\w+ must be positive \\(cannot divide by zero\\), got .+",
            "\\w+ must be > 0, got .+",
            "\\w+ must be >= 0, got .+",
            "\\w+ must be in \\[0\\.0, 1\\.0\\], got .+",
            "\\w+ must be in \\[0\\.0, 1\\.0\\), got .+",
            "\\w+ must be in \\(0\\.0, 1\\.0\\], got .+",
            "\\w+ must be finite and positive, got .+",
            "durationSeconds must be finite and non-negative, got .+",
            "Similarity value .+ is outside \\[0, 1\\]",
            "(similarities|agentDurations) must not be empty",
            "\\w+ must not be blank",
            "slowestDurationSeconds \\(.+\\) must be >= meanDurationSeconds \\(.+\\)"));

    // --- every metric: a finite value or a documented message ------------------------------------------------------

    @Provide
    Arbitrary<Double> hostile() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.doubles().withStandardSpecialValues()),
                Tuple.of(3, Arbitraries.doubles().between(-2.0, 200.0)),
                Tuple.of(
                        2,
                        Arbitraries.of(
                                Double.NaN,
                                Double.POSITIVE_INFINITY,
                                Double.NEGATIVE_INFINITY,
                                0.0,
                                -0.0,
                                1.0,
                                Double.MIN_VALUE,
                                Double.MAX_VALUE,
                                -Double.MAX_VALUE)));
    }

    @Provide
    Arbitrary<Integer> hostileInt() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().between(-3, 100)),
                Tuple.of(1, Arbitraries.integers()),
                Tuple.of(1, Arbitraries.of(0, Integer.MAX_VALUE, Integer.MIN_VALUE)));
    }

    private static void finiteOrDocumented(Supplier<double[]> metric) {
        try {
            for (double value : metric.get()) {
                assertTrue(Double.isFinite(value), () -> "non-finite derived value " + value);
            }
        } catch (IllegalArgumentException e) {
            assertTrue(DOCUMENTED.matcher(e.getMessage()).matches(), () -> "undocumented message: " + e.getMessage());
        }
    }

    @Property
    void efficiencyIsFiniteOrRejected(
            @ForAll("hostile") double success, @ForAll("hostile") double mas, @ForAll("hostile") double sas) {
        finiteOrDocumented(() -> new double[] {
            CoordinationFormulas.computeEfficiency(success, mas, sas).value()
        });
    }

    @Property
    void overheadIsFiniteOrRejected(@ForAll("hostile") double mas, @ForAll("hostile") double sas) {
        finiteOrDocumented(() ->
                new double[] {CoordinationFormulas.computeOverhead(mas, sas).valuePercent()});
    }

    @Property
    void errorAmplificationIsFiniteOrRejected(@ForAll("hostile") double mas, @ForAll("hostile") double sas) {
        finiteOrDocumented(() -> new double[] {
            CoordinationFormulas.computeErrorAmplification(mas, sas).value()
        });
    }

    @Property
    void messageDensityIsFiniteOrRejected(@ForAll("hostileInt") int messages, @ForAll("hostileInt") int turns) {
        finiteOrDocumented(() -> new double[] {
            CoordinationFormulas.computeMessageDensity(messages, turns).value()
        });
    }

    @Property
    void redundancyIsFiniteOrRejected(@ForAll @Size(max = 6) List<@From("hostile") Double> similarities) {
        finiteOrDocumented(() -> {
            RedundancyRate rate = CoordinationFormulas.computeRedundancyRate(similarities);
            assertTrue(rate.value() >= 0.0 && rate.value() <= 1.0);
            return new double[] {rate.value()};
        });
    }

    @Property
    void amdahlIsFiniteOrRejected(@ForAll("hostile") double p) {
        finiteOrDocumented(() -> {
            AmdahlCeiling ceiling = CoordinationFormulas.computeAmdahlCeiling(p);
            assertTrue(ceiling.recommendedTeamSize() >= 1);
            return new double[] {ceiling.maxSpeedup()};
        });
    }

    @Property
    void tokenSpeedupIsFiniteOrRejected(
            @ForAll("hostile") double tokensMas,
            @ForAll("hostile") double tokensSas,
            @ForAll("hostile") double durationMas,
            @ForAll("hostile") double durationSas,
            @ForAll("hostile") double alertRatio) {
        finiteOrDocumented(() -> {
            TokenSpeedupRatio r = CoordinationFormulas.computeTokenSpeedupRatio(
                    tokensMas, tokensSas, durationMas, durationSas, alertRatio);
            return new double[] {r.ratio(), r.tokenMultiplier(), r.latencySpeedup()};
        });
    }

    @Property
    void messageOverheadIsFiniteOrRejected(
            @ForAll("hostileInt") int teamSize,
            @ForAll("hostileInt") int messages,
            @ForAll("hostile") double threshold) {
        finiteOrDocumented(() -> new double[] {
            CoordinationFormulas.computeMessageOverhead(teamSize, messages, threshold)
                    .quadraticLimit()
        });
    }

    @Property
    void stragglerIsFiniteOrRejected(@ForAll @Size(max = 6) List<@From("hostile") Double> seconds) {
        List<AgentDuration> durations = new ArrayList<>();
        for (int i = 0; i < seconds.size(); i++) {
            durations.add(new AgentDuration("agent-" + i, seconds.get(i)));
        }
        finiteOrDocumented(() -> {
            StragglerGap gap = CoordinationFormulas.computeStragglerGap(durations);
            return new double[] {gap.gapSeconds(), gap.gapRatio()};
        });
    }

    @Property
    void stragglerRecordIsFiniteOrRejected(
            @ForAll("hostile") double slowest, @ForAll("hostile") double mean, @ForAll String id) {
        finiteOrDocumented(() -> {
            StragglerGap gap = new StragglerGap(slowest, mean, id);
            return new double[] {gap.gapSeconds(), gap.gapRatio()};
        });
    }

    // --- straggler gap >= 0 and the exact mean ----------------------------------------------------------------------

    @Provide
    Arbitrary<List<Double>> durations() {
        Arbitrary<Double> seconds = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.doubles().between(0.0, 1e6)),
                Tuple.of(1, Arbitraries.doubles().between(0.0, Double.MAX_VALUE)),
                Tuple.of(1, Arbitraries.of(0.0, 0.1, 0.2, 0.3, Double.MIN_VALUE, Double.MAX_VALUE)));
        return seconds.list().ofMinSize(1).ofMaxSize(12);
    }

    @Property
    void stragglerGapIsNeverNegative(@ForAll("durations") List<Double> seconds) {
        List<AgentDuration> durations = new ArrayList<>();
        for (int i = 0; i < seconds.size(); i++) {
            durations.add(new AgentDuration("agent-" + i, seconds.get(i)));
        }
        if (CoordinationFormulas.exactMean(seconds) == 0.0) {
            // All zero, or subnormal durations whose mean rounds to 0 (e.g. [4.9E-324, 0.0]): the documented rejection.
            IllegalArgumentException e = assertThrows(
                    IllegalArgumentException.class, () -> CoordinationFormulas.computeStragglerGap(durations));
            assertEquals("meanDurationSeconds must be > 0, got 0.0", e.getMessage());
            return;
        }
        StragglerGap gap = CoordinationFormulas.computeStragglerGap(durations);
        assertTrue(gap.gapSeconds() >= 0.0);
        assertTrue(gap.gapRatio() >= 0.0);
        assertEquals(Collections.max(seconds), gap.slowestDurationSeconds());
        assertEquals("agent-" + seconds.indexOf(Collections.max(seconds)), gap.slowestAgentId(), "first maximum");
    }

    @Property
    void equalDurationsHaveNoGap(@ForAll("durations") List<Double> seconds) {
        double value = seconds.get(0);
        if (value == 0.0) {
            return;
        }
        List<AgentDuration> durations = new ArrayList<>();
        for (int i = 0; i < seconds.size(); i++) {
            durations.add(new AgentDuration("agent-" + i, value));
        }
        assertEquals(0.0, CoordinationFormulas.computeStragglerGap(durations).gapSeconds());
    }

    @Property
    void exactMeanStaysWithinTheRange(@ForAll("durations") List<Double> xs) {
        double mean = CoordinationFormulas.exactMean(xs);
        assertTrue(mean <= Collections.max(xs), "never above the maximum");
        assertTrue(mean >= Collections.min(xs), "never below the minimum");
    }

    // --- the collector
    // ------------------------------------------------------------------------------------------------

    /** A turn without its number, which the run assigns. */
    private record TurnSpec(FinishReason reason, long inputTokens, long outputTokens, Double latencyMs) {
        Turn build(int turnNumber) {
            return Turn.builder(turnNumber, reason)
                    .inputTokens(inputTokens)
                    .outputTokens(outputTokens)
                    .latencyMs(latencyMs)
                    .build();
        }
    }

    @Provide
    Arbitrary<TurnSpec> turn() {
        Arbitrary<FinishReason> reason = Arbitraries.of(FinishReason.class);
        Arbitrary<Long> tokens = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.longs().between(0, 10_000)),
                Tuple.of(1, Arbitraries.of(0L, Long.MAX_VALUE / 4)));
        Arbitrary<Double> latency = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.doubles().between(0.0, 100_000.0)),
                Tuple.of(1, Arbitraries.of(0.0, Double.MAX_VALUE)),
                Tuple.of(1, Arbitraries.just((Double) null)));
        return Combinators.combine(reason, tokens, tokens, latency).as(TurnSpec::new);
    }

    @Provide
    Arbitrary<Run> run() {
        Arbitrary<String> agent = Arbitraries.of("a", "b", "c", "d");
        Arbitrary<List<TurnSpec>> turns = turn().list().ofMaxSize(5);
        Arbitrary<Long> start = Arbitraries.longs().between(0, 1_000_000);
        Arbitrary<Long> length = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.longs().between(0, 10_000)), Tuple.of(1, Arbitraries.just(-1L)));
        Arbitrary<String> output = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.strings().ofMaxLength(40)), Tuple.of(1, Arbitraries.just((String) null)));
        return Combinators.combine(agent, turns, start, length, output).as((id, ts, s, len, out) -> {
            List<Turn> numbered = new ArrayList<>();
            for (int i = 0; i < ts.size(); i++) {
                numbered.add(ts.get(i).build(i + 1));
            }
            Run.Builder builder = Run.builder("run-" + id, id, "task", TerminationReason.COMPLETED)
                    .turns(numbered)
                    .finalOutput(out);
            if (len >= 0) { // -1: no timestamps, durations come from latencies
                builder.startedAt(Instant.ofEpochSecond(s)).endedAt(Instant.ofEpochSecond(s + len));
            }
            return builder.build();
        });
    }

    @Provide
    Arbitrary<TeamRun> teamRun() {
        Arbitrary<List<Run>> runs = run().list().ofMinSize(1).ofMaxSize(6);
        Arbitrary<Integer> messages = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().between(0, 60)), Tuple.of(1, Arbitraries.just(-1)));
        Arbitrary<Integer> teamSize = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.just(0)),
                Tuple.of(2, Arbitraries.integers().between(1, 12)),
                Tuple.of(1, Arbitraries.just(Integer.MAX_VALUE)));
        return Combinators.combine(runs, messages, teamSize).as((rs, m, n) -> {
            TeamRun.Builder builder = TeamRun.builder("team", "task", rs);
            if (m >= 0) { // -1: messages not recorded
                builder.messages(Collections.nCopies(m, new AgentMessage("a", null, null, null)));
            }
            if (n > 0) { // 0: derived from the distinct agents
                builder.teamSize(n);
            }
            return builder.build();
        });
    }

    @Provide
    Arbitrary<SimilarityComputer> similarity() {
        return Arbitraries.of(
                new JaccardSimilarity(),
                outputs -> List.of(Double.NaN, 2.0),
                outputs -> List.of(),
                outputs -> null,
                outputs -> {
                    throw new IllegalStateException("down");
                });
    }

    @Property(tries = 300)
    void collectorNeverThrowsOnAnyTeamRun(
            @ForAll("teamRun") TeamRun teamRun,
            @ForAll @Size(max = 4) List<@From("run") Run> singleRuns,
            @ForAll boolean withStore,
            @ForAll boolean throwingPublisher,
            @ForAll("similarity") SimilarityComputer similarity,
            @ForAll @Size(max = 9) List<MetricName> collect,
            @ForAll boolean enabled) {
        List<MetricName> unique = collect.stream().distinct().toList();
        CoordinationConfig config =
                CoordinationConfig.DEFAULTS.withEnabled(enabled).withCollect(unique);
        BaselineStore store = withStore ? new BaselineStore(3) : null;
        CoordinationMetricsCollector collector = CoordinationMetricsCollector.builder(config)
                .baselineStore(store)
                .similarityComputer(similarity)
                .publisher(n -> {
                    if (throwingPublisher) {
                        throw new IllegalStateException("sink down");
                    }
                    return 1;
                })
                .metricsStore(r -> {
                    if (throwingPublisher) {
                        throw new IllegalStateException("store down");
                    }
                })
                .build();
        for (Run single : singleRuns) {
            assertEquals(CoordinationMetrics.EMPTY, collector.collect(single).metrics());
        }
        CoordinationResult result = collector.collect(teamRun);
        assertNotNull(result);
        if (!enabled || !teamRun.multiAgent()) {
            assertEquals(CoordinationMetrics.EMPTY, result.metrics());
        }
        for (MetricName metric : MetricName.values()) {
            boolean computed = result.metrics().get(metric) != null;
            boolean skipped = result.skipReason(metric) != null;
            assertTrue(computed != skipped, () -> metric + " must be either computed or skipped with a reason");
        }
    }

    @Property
    void overheadSignFollowsTheTurnCounts(
            @ForAll @IntRange(min = 1, max = 100) int turnsMas, @ForAll @IntRange(min = 1, max = 100) int turnsSas) {
        BaselineStore store = new BaselineStore(1);
        store.record(Fixtures.baselineRun("solo", turnsSas));
        Run a = Fixtures.run("r-a", "a", "task", Fixtures.turns(turnsMas, 1.0, 1));
        Run b = Fixtures.run("r-b", "b", "task", List.of());
        CoordinationResult result = CoordinationMetricsCollector.builder(CoordinationConfig.DEFAULTS.withEnabled(true))
                .baselineStore(store)
                .build()
                .collect(TeamRun.builder("team", "task", List.of(a, b)).build());
        double percent = result.overhead().valuePercent();
        assertEquals(turnsMas >= turnsSas, percent >= 0.0);
        assertEquals(turnsMas == turnsSas, percent == 0.0);
    }
}
