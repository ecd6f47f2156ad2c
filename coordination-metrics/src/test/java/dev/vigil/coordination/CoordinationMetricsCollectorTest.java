package dev.vigil.coordination;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.spi.model.AgentDuration;
import dev.vigil.spi.model.AgentMessage;
import dev.vigil.spi.model.FinishReason;
import dev.vigil.spi.model.Notification;
import dev.vigil.spi.model.NotificationCategory;
import dev.vigil.spi.model.NotificationSeverity;
import dev.vigil.spi.model.Run;
import dev.vigil.spi.model.TeamRun;
import dev.vigil.spi.model.TerminationReason;
import dev.vigil.spi.model.Turn;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** coordination.md §5–§7 and the collector table of examples.md §20. */
class CoordinationMetricsCollectorTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    private static final CoordinationConfig ENABLED = CoordinationConfig.DEFAULTS.withEnabled(true);

    private final BaselineStore store = new BaselineStore(50, CLOCK);
    private final List<Notification> published = new ArrayList<>();
    private final List<CoordinationMetricsRecord> persisted = new ArrayList<>();

    private CoordinationMetricsCollector.Builder collector(CoordinationConfig config) {
        return CoordinationMetricsCollector.builder(config)
                .baselineStore(store)
                .publisher(n -> {
                    published.add(n);
                    return 2;
                })
                .metricsStore(persisted::add)
                .clock(CLOCK);
    }

    private CoordinationMetricsCollector collector() {
        return collector(ENABLED).build();
    }

    /** A team of agents a and b, each with {@code turnsEach} turns, 4 messages, outputs and timestamps. */
    private static TeamRun team(int turnsA, int turnsB) {
        Run a = Run.builder("r-a", "a", "task-1", TerminationReason.COMPLETED)
                .turns(Fixtures.turns(turnsA, 1000.0, 100))
                .finalOutput("the cat sat")
                .build();
        Run b = Run.builder("r-b", "b", "task-1", TerminationReason.COMPLETED)
                .turns(Fixtures.turns(turnsB, 2000.0, 100))
                .finalOutput("the cat ran")
                .build();
        return TeamRun.builder("team-1", "task-1", List.of(a, b))
                .messages(List.of(msg("a"), msg("b"), msg("a"), msg("b")))
                .build();
    }

    private static AgentMessage msg(String from) {
        return new AgentMessage(from, null, null, null);
    }

    private void baseline(int... turns) {
        for (int i = 0; i < turns.length; i++) {
            store.record(Fixtures.baselineRun("solo-" + i, turns[i]));
        }
    }

    @Test
    void disabledCollectsAndRecordsNothing() {
        CoordinationMetricsCollector collector =
                collector(CoordinationConfig.DEFAULTS).build();
        CoordinationResult single = collector.collect(Fixtures.baselineRun("solo", 3));
        CoordinationResult teamResult = collector.collect(team(3, 3));
        assertEquals(CoordinationMetrics.EMPTY, single.metrics());
        assertEquals(CoordinationMetrics.EMPTY, teamResult.metrics());
        assertEquals("coordination.enabled is false", teamResult.skipReason(MetricName.OVERHEAD));
        assertEquals(0, store.size());
        assertTrue(persisted.isEmpty());
        assertTrue(published.isEmpty());
    }

    @Test
    void singleAgentRunFeedsTheBaseline() {
        Run run = Fixtures.run(
                "solo",
                "agent",
                "task",
                Fixtures.turns(FinishReason.STOP, FinishReason.ERROR, FinishReason.CONTENT_FILTER));
        CoordinationResult result = collector().collect(run);
        assertEquals(CoordinationMetrics.EMPTY, result.metrics());
        assertFalse(result.multiAgent());
        assertEquals(1, store.size());
        BaselineRecord record = store.records().get(0);
        assertEquals(3.0, record.turns());
        assertEquals(0.6666666666666666, record.errorRate());
        assertEquals(3.0, record.durationSeconds());
        assertEquals(NOW, record.timestamp());
        assertTrue(persisted.isEmpty(), "single-agent runs are not persisted");
    }

    @Test
    void everySingleAgentCallRecordsExactlyOnce() {
        CoordinationMetricsCollector collector = collector();
        for (int calls = 1; calls <= 20; calls++) {
            collector.collect(Fixtures.baselineRun("solo-" + calls, 2));
            assertEquals(calls, store.size());
        }
    }

    @Test
    void singleAgentRunWithoutTurnsIsNotRecorded() {
        collector().collect(Fixtures.run("solo", "agent", "task", List.of()));
        assertEquals(0, store.size());
    }

    @Test
    void multiAgentWithoutStoreLeavesTheBaselineMetricsNull() {
        CoordinationResult result =
                CoordinationMetricsCollector.builder(ENABLED).build().collect(team(3, 3));
        assertBaselineMetricsNull(result, "no baseline store wired");
        // Everything that needs no baseline is there.
        assertNotNull(result.messageDensity());
        assertNotNull(result.redundancyRate());
        assertNotNull(result.amdahlCeiling());
        assertNotNull(result.stragglerGap());
        assertNotNull(result.messageOverhead());
    }

    @Test
    void multiAgentWithEmptyBaselineLeavesTheBaselineMetricsNull() {
        assertBaselineMetricsNull(
                collector().collect(team(3, 3)), "baseline is empty (no single-agent run recorded yet)");
    }

    private static void assertBaselineMetricsNull(CoordinationResult result, String reason) {
        assertNull(result.efficiency());
        assertNull(result.overhead());
        assertNull(result.errorAmplification());
        assertNull(result.tokenSpeedupRatio());
        assertEquals(reason, result.skipReason(MetricName.EFFICIENCY));
        assertEquals(reason, result.skipReason(MetricName.TOKEN_SPEEDUP_RATIO));
    }

    @Test
    void allNineWithAFullBaseline() {
        // Baseline: one run of 4 turns (1 s, 10 tokens each) with one ERROR turn: error rate 0.25.
        store.record(Fixtures.run(
                "solo",
                "solo",
                "task-1",
                List.of(
                        Turn.builder(1, FinishReason.STOP)
                                .outputTokens(10)
                                .latencyMs(1000.0)
                                .build(),
                        Turn.builder(2, FinishReason.ERROR)
                                .outputTokens(10)
                                .latencyMs(1000.0)
                                .build(),
                        Turn.builder(3, FinishReason.STOP)
                                .outputTokens(10)
                                .latencyMs(1000.0)
                                .build(),
                        Turn.builder(4, FinishReason.STOP)
                                .outputTokens(10)
                                .latencyMs(1000.0)
                                .build())));
        CoordinationResult result = collector().collect(team(3, 3));
        CoordinationMetrics m = result.metrics();
        assertEquals(9, m.computedCount());
        assertEquals(List.of(), result.skipped());
        assertEquals(1.0 / (6.0 / 4.0), m.efficiency().value()); // success 1.0, 6 MAS turns vs 4
        assertEquals(50.0, m.overhead().valuePercent());
        assertEquals(0.0, m.errorAmplification().value());
        assertEquals(4 / 6.0, m.messageDensity().value());
        assertEquals(0.5, m.redundancyRate().value()); // {the, cat, sat} vs {the, cat, ran}
        assertEquals(9, m.amdahlCeiling().recommendedTeamSize());
        assertEquals("b", m.stragglerGap().slowestAgentId()); // a 3 s, b 6 s: mean 4.5, gap 1.5
        assertEquals(1.5, m.stragglerGap().gapSeconds());
        // Tokens 600 vs 40 = 15x; makespan is the slowest agent (6 s, no timestamps) vs 4 s: speed-up 0.666...
        assertEquals(15.0, m.tokenSpeedupRatio().tokenMultiplier());
        assertEquals(4.0 / 6.0, m.tokenSpeedupRatio().latencySpeedup());
        assertTrue(m.tokenSpeedupRatio().alert());
        assertTrue(m.messageOverhead().isQuadratic()); // 4 messages > 2² × 0.5 = 2.0
        // 6 MAS turns vs 4: 50 % overhead is exactly the WARNING threshold (inclusive).
        assertEquals(NotificationSeverity.WARNING, result.alerts().get(0).severity());
    }

    @Test
    void baselineErrorRateZeroSkipsErrorAmplification() {
        baseline(4);
        CoordinationResult result = collector().collect(team(3, 3));
        assertNull(result.errorAmplification());
        assertNotNull(result.overhead());
    }

    @Test
    void unrecordedMessagesSkipDensityAndOverhead() {
        TeamRun noMessages = team(3, 3).toBuilder().messages(null).build();
        CoordinationResult result = collector().collect(noMessages);
        assertNull(result.messageDensity());
        assertNull(result.messageOverhead());
        assertEquals("message density was not computed", result.skipReason(MetricName.MESSAGE_OVERHEAD));
        // An empty list is zero messages, not "unknown".
        CoordinationResult zero =
                collector().collect(team(3, 3).toBuilder().messages(List.of()).build());
        assertEquals(0.0, zero.messageDensity().value());
    }

    @Test
    void redundancyNeedsTwoOutputsAndASimilarity() {
        Run a = Fixtures.run("r-a", "a", "t", Fixtures.turns(1, 10.0, 1));
        Run b = Run.builder("r-b", "b", "t", TerminationReason.COMPLETED)
                .turns(Fixtures.turns(1, 10.0, 1))
                .finalOutput("only b speaks")
                .build();
        TeamRun oneOutput = TeamRun.builder("team", "t", List.of(a, b)).build();
        assertNull(collector().collect(oneOutput).redundancyRate());
        CoordinationConfig none = ENABLED.withCollect(List.of(MetricName.values()));
        none = new CoordinationConfig(true, none.collect(), none.alerts(), 2.0, 0.5, SimilarityKind.NONE);
        assertNull(collector(none).build().collect(team(1, 1)).redundancyRate());
    }

    @Test
    void teamSizeOneSkipsAmdahl() {
        TeamRun sizeOne = team(2, 2).toBuilder().teamSize(1).build();
        CoordinationResult result = collector().collect(sizeOne);
        assertNull(result.amdahlCeiling());
        assertEquals("team size 1 is below 2", result.skipReason(MetricName.AMDAHL_CEILING));
    }

    @Test
    void oneAgentDurationSkipsTheStragglerGap() {
        CoordinationInput input = new CoordinationInput(
                Fixtures.turns(2, 10.0, 1),
                "lead",
                "task",
                "team",
                2,
                List.of(new AgentDuration("lead", 5.0)),
                null,
                List.of(),
                3,
                true);
        CoordinationResult result = collector().collect(input);
        assertNull(result.stragglerGap());
        assertNotNull(result.messageDensity());
    }

    @Test
    void onlyCollectedMetricsAreComputed() {
        baseline(2);
        CoordinationResult result = collector(ENABLED.withCollect(List.of(MetricName.OVERHEAD)))
                .build()
                .collect(team(3, 3));
        assertEquals(1, result.metrics().computedCount());
        assertNotNull(result.overhead());
        assertEquals("not in coordination.collect", result.skipReason(MetricName.EFFICIENCY));
        assertEquals(8, result.skipped().size());
    }

    @Test
    void aThrowingSimilarityOnlyLosesRedundancy() {
        baseline(2);
        CoordinationResult result = collector(ENABLED)
                .similarityComputer(outputs -> {
                    throw new IllegalStateException("embedding service down");
                })
                .build()
                .collect(team(3, 3));
        assertNull(result.redundancyRate());
        assertEquals("failed: IllegalStateException: embedding service down", result.skipReason(MetricName.REDUNDANCY));
        assertNotNull(result.overhead());
        // All but redundancy and error amplification (the baseline never erred, so there is no ratio to take).
        assertEquals(7, result.metrics().computedCount());
    }

    @Test
    void anOverheadThatCannotBeComputedRaisesNoAlert() {
        // A baseline of Double.MIN_VALUE turns makes the overhead percentage overflow: computeOverhead throws.
        store.record(new BaselineRecord("solo", "t", Double.MIN_VALUE, 0.0, 10.0, 1.0, NOW));
        CoordinationResult result = collector().collect(team(3, 3));
        assertNull(result.overhead());
        assertTrue(result.skipReason(MetricName.OVERHEAD).startsWith("failed: IllegalArgumentException: "));
        assertTrue(result.alerts().isEmpty());
        assertTrue(published.isEmpty());
        assertNotNull(result.efficiency());
    }

    @Test
    void errorsPropagate() {
        CoordinationMetricsCollector collector = collector(ENABLED)
                .similarityComputer(outputs -> {
                    throw new OutOfMemoryError("simulated");
                })
                .build();
        assertThrows(OutOfMemoryError.class, () -> collector.collect(team(3, 3)));
    }

    @ParameterizedTest(name = "MAS {0} turns vs SAS 5: {1} % -> {2}")
    @CsvSource({"5, 0.0, ", "6, 20.0, ", "7, 40.0, INFO", "8, 60.0, WARNING", "9, 80.0, CRITICAL"})
    void overheadAlertSeverity(int masTurns, double percent, NotificationSeverity severity) {
        baseline(5);
        CoordinationResult result = collector().collect(team(masTurns - 1, 1));
        assertEquals(percent, result.overhead().valuePercent(), 1e-9);
        if (severity == null) {
            assertTrue(result.alerts().isEmpty());
            assertTrue(published.isEmpty());
        } else {
            assertEquals(1, published.size());
            assertEquals(severity, published.get(0).severity());
            assertEquals(severity, result.alerts().get(0).severity());
        }
    }

    @Test
    void zeroOverheadNeverAlertsEvenWithALowInfoThreshold() {
        baseline(6);
        CoordinationConfig low = new CoordinationConfig(
                true,
                List.of(MetricName.values()),
                new OrchestrationAlertThresholds(0.10, 0.5, 0.7),
                2.0,
                0.5,
                SimilarityKind.JACCARD);
        CoordinationResult result = collector(low).build().collect(team(3, 3));
        assertEquals(0.0, result.overhead().valuePercent());
        assertTrue(result.alerts().isEmpty());
    }

    @Test
    void criticalAlertNotification() {
        baseline(2);
        CoordinationResult result = collector().collect(team(6, 6));
        assertEquals(500.0, result.overhead().valuePercent());
        assertEquals(1, published.size());
        Notification n = published.get(0);
        assertEquals(NotificationCategory.BUDGET, n.category());
        assertEquals(NotificationSeverity.CRITICAL, n.severity());
        assertEquals("Coordination overhead alert", n.title());
        assertEquals("Coordination overhead is 500.0% (12 MAS turns vs 2 SAS turns); agent=a, task=task-1", n.body());
        assertEquals("vigil.coordination_collector", n.source());
        assertEquals(Map.of("run_id", "team-1", "task_id", "task-1"), n.metadata());
        OverheadAlert alert = result.alerts().get(0);
        assertEquals(2, alert.delivered());
        assertSame(n, alert.notification());
    }

    @Test
    void noPublisherMeansNoNotificationAndNoError() {
        baseline(2);
        CoordinationResult result = CoordinationMetricsCollector.builder(ENABLED)
                .baselineStore(store)
                .build()
                .collect(team(6, 6));
        assertEquals(NotificationSeverity.CRITICAL, result.alerts().get(0).severity());
        assertFalse(result.alerts().get(0).published());
    }

    @Test
    void aThrowingPublisherIsNotFatal() {
        baseline(2);
        CoordinationResult result = collector(ENABLED)
                .publisher(n -> {
                    throw new IllegalStateException("sink down");
                })
                .build()
                .collect(team(6, 6));
        assertNotNull(result.overhead());
        assertFalse(result.alerts().get(0).published());
        assertEquals(1, persisted.size());
    }

    @Test
    void teamRunIsPersisted() {
        baseline(2);
        CoordinationResult result = collector().collect(team(3, 3));
        assertEquals(1, persisted.size());
        CoordinationMetricsRecord record = persisted.get(0);
        assertNull(record.agentId());
        assertEquals(2, record.teamSize());
        assertEquals(NOW, record.computedAt());
        assertEquals("task-1", record.taskId());
        assertEquals("team-1", record.runId());
        assertEquals(result.metrics(), record.metrics());
    }

    @Test
    void aRecordIsWrittenEvenWhenEveryMetricIsSkipped() {
        CoordinationResult result =
                collector(ENABLED.withCollect(List.of())).build().collect(team(3, 3));
        assertEquals(CoordinationMetrics.EMPTY, result.metrics());
        assertEquals(1, persisted.size());
        assertEquals(CoordinationMetrics.EMPTY, persisted.get(0).metrics());
    }

    @Test
    void aFailingMetricsStoreIsNotFatal() {
        CoordinationResult result = collector(ENABLED)
                .metricsStore(r -> {
                    throw new IllegalStateException("disk full");
                })
                .build()
                .collect(team(3, 3));
        assertNotNull(result.messageDensity());
    }

    @Test
    void makespanNotSumDrivesTokenSpeedup() {
        // examples.md "Makespan (D5)": baseline tokens 1000, duration 60 s.
        store.record(new BaselineRecord("solo", "t", 5, 0.0, 1000.0, 60.0, NOW));
        Instant t0 = Instant.parse("2025-01-01T00:00:00Z");
        Run a = Run.builder("r-a", "a", "t", TerminationReason.COMPLETED)
                .turns(List.of(Turn.builder(1, FinishReason.STOP)
                        .inputTokens(1000)
                        .outputTokens(500)
                        .build()))
                .startedAt(t0)
                .endedAt(t0.plusSeconds(40))
                .build();
        Run b = Run.builder("r-b", "b", "t", TerminationReason.COMPLETED)
                .turns(List.of(Turn.builder(1, FinishReason.STOP)
                        .inputTokens(1000)
                        .outputTokens(500)
                        .build()))
                .startedAt(t0.plusSeconds(10))
                .endedAt(t0.plusSeconds(50))
                .build();
        TeamRun team = TeamRun.builder("team", "t", List.of(a, b)).build();
        TokenSpeedupRatio ratio = collector().collect(team).tokenSpeedupRatio();
        assertEquals(3.0, ratio.tokenMultiplier());
        assertEquals(1.2, ratio.latencySpeedup());
        assertEquals(2.5, ratio.ratio());
        assertTrue(ratio.alert());
        // For comparison: the sum of durations (80 s) would give 4.0; the longest agent alone (40 s) gives 2.0.
        assertEquals(
                4.0,
                CoordinationFormulas.computeTokenSpeedupRatio(3000, 1000, 80, 60, 2.0)
                        .ratio());
        assertFalse(CoordinationFormulas.computeTokenSpeedupRatio(3000, 1000, 40, 60, 2.0)
                .alert());
    }

    @Test
    void messageDensityCountsOnlyThisTeamRunsMessages() {
        // D4: two team runs with their own message lists do not see each other's messages.
        TeamRun busy = team(2, 2).toBuilder()
                .messages(Collections.nCopies(12, msg("a")))
                .build();
        TeamRun quiet = team(2, 2).toBuilder().messages(List.of(msg("b"))).build();
        CoordinationMetricsCollector collector = collector();
        assertEquals(3.0, collector.collect(busy).messageDensity().value());
        assertEquals(0.25, collector.collect(quiet).messageDensity().value());
    }

    @Test
    void liveConfigChangeAppliesToTheNextCollection() {
        CoordinationMetricsCollector collector =
                collector(CoordinationConfig.DEFAULTS).build();
        assertEquals(CoordinationMetrics.EMPTY, collector.collect(team(1, 1)).metrics());
        collector.updateConfig(ENABLED);
        assertNotNull(collector.collect(team(1, 1)).messageDensity());
    }
}
