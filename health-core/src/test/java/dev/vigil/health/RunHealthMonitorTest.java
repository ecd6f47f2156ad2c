package dev.vigil.health;

import static dev.vigil.health.Fixtures.signal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.health.stagnation.StagnationStrategy;
import dev.vigil.health.triage.TriageChain;
import dev.vigil.spi.model.EscalationCause;
import dev.vigil.spi.model.EscalationSeverity;
import dev.vigil.spi.model.EscalationTicket;
import dev.vigil.spi.model.FinishReason;
import dev.vigil.spi.model.Run;
import dev.vigil.spi.model.StagnationReason;
import dev.vigil.spi.model.StagnationVerdict;
import dev.vigil.spi.model.StepQuality;
import dev.vigil.spi.model.TerminationReason;
import dev.vigil.spi.model.ToolCall;
import dev.vigil.spi.model.Turn;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** examples.md §10: per-step monitoring (D7, D10, F3). */
class RunHealthMonitorTest {

    private final RecordingPublisher publisher = new RecordingPublisher();

    @Test
    void qualityDegradationEscalatesOnceThenOnlyWhenSeverityRises() {
        RunHealthMonitor monitor = monitor(JudgeConfig.DEFAULTS, RunMonitorConfig.DEFAULTS);
        double[] elapsed = {10, 20, 35, 50, 70, 80, 95};
        String qualities = "CIIIIII";
        try (CapturingLogs.Capture logs = CapturingLogs.capture()) {
            List<List<EscalationTicket>> perStep = new java.util.ArrayList<>();
            for (int i = 0; i < qualities.length(); i++) {
                perStep.add(monitor.afterStep(i, signal(Fixtures.quality(qualities.charAt(i)), i), null, elapsed[i]));
            }
            List<EscalationTicket> end = monitor.complete(TerminationReason.COMPLETED, false, 100);

            for (int i : new int[] {0, 1, 2, 4, 5}) {
                assertEquals(List.of(), perStep.get(i), "step " + i);
            }
            EscalationTicket high = perStep.get(3).get(0);
            assertEquals(EscalationCause.QUALITY_DEGRADATION, high.cause());
            assertEquals(EscalationSeverity.HIGH, high.severity());
            assertEquals(40.0, high.stallDurationSeconds());
            assertEquals(3, high.stepsSinceLastProgress());
            assertEquals("3 consecutive incorrect steps (threshold: 3)", high.evidence());
            assertEquals(4, high.qualitySignals().size());

            EscalationTicket critical = perStep.get(6).get(0);
            assertEquals(EscalationSeverity.CRITICAL, critical.severity());
            assertEquals(85.0, critical.stallDurationSeconds());
            assertEquals(6, critical.stepsSinceLastProgress());
            assertEquals(List.of(), end);

            assertEquals(2, publisher.published().size(), "two notifications in total");
            assertEquals(List.of(high, critical), monitor.escalatedTickets());
            List<CapturingLogs.Event> suppressed = logs.named("vigil.health.ticket_suppressed");
            assertEquals(3, suppressed.size(), "steps 4, 5 and the end");
            assertEquals(
                    Map.of(
                            "run_id",
                            "run-1",
                            "cause",
                            "quality_degradation",
                            "severity",
                            "high",
                            "escalated_severity",
                            "high"),
                    suppressed.get(0).fields());
            assertEquals(2, logs.count("vigil.health.ticket_emitted"), "suppressed findings build no ticket");
        }
    }

    @Test
    void aDismissedTicketIsJudgedAgainAndEscalatesOnceItsStallGrows() {
        RunHealthMonitor monitor = monitor(new JudgeConfig(3, true, true, 60.0), RunMonitorConfig.DEFAULTS);
        try (CapturingLogs.Capture logs = CapturingLogs.capture()) {
            assertEquals(List.of(), monitor.afterStep(0, signal(StepQuality.CORRECT, 0), null, 30));
            assertEquals(List.of(), monitor.afterStep(1, signal(StepQuality.NEUTRAL, 1), null, 65));
            CapturingLogs.Event dismissed =
                    logs.named("vigil.health.ticket_dismissed").get(0);
            assertEquals("timeout", dismissed.field("cause"));
            assertEquals(35.0, dismissed.field("stall_seconds"));
            assertEquals(1, dismissed.field("steps_stuck"));
            assertEquals(
                    "Run duration 65.0 s exceeded the timeout of 60.0 s",
                    logs.named("vigil.health.ticket_emitted").get(0).field("evidence"));

            List<EscalationTicket> step2 = monitor.afterStep(2, signal(StepQuality.NEUTRAL, 2), null, 100);
            assertEquals(1, step2.size());
            assertEquals(EscalationCause.TIMEOUT, step2.get(0).cause());
            assertEquals(EscalationSeverity.MEDIUM, step2.get(0).severity());
            assertEquals(70.0, step2.get(0).stallDurationSeconds());
            assertEquals(2, step2.get(0).stepsSinceLastProgress());

            assertEquals(List.of(), monitor.afterStep(3, signal(StepQuality.NEUTRAL, 3), null, 130));
            assertEquals(List.of(), monitor.complete(TerminationReason.COMPLETED, false, 130));
            assertEquals(2, logs.count("vigil.health.ticket_suppressed"));
            assertEquals(1, publisher.published().size());
        }
    }

    @Test
    void liveStagnationFeedsTheClassifierAndEscalatesOnTerminate() {
        ToolCall readA = ToolCall.of("read_file", Map.of("path", "a.txt"));
        Run.Builder builder = Run.builder("run-c", "agent-1", "task-1", TerminationReason.COMPLETED);
        for (int i = 1; i <= 5; i++) {
            builder.turn(Turn.builder(i, FinishReason.TOOL_USE)
                    .toolCall(readA)
                    .latencyMs(1000.0)
                    .build());
        }
        Run run = builder.build();
        HealthMonitoringPipeline pipeline = pipeline(JudgeConfig.DEFAULTS);

        try (CapturingLogs.Capture logs = CapturingLogs.capture()) {
            RunDriver.RunTrace trace = RunDriver.drive(
                    run,
                    RunMonitorConfig.DEFAULTS.withStrategy(StagnationStrategy.TOOL_REPETITION),
                    pipeline,
                    new SpecRuleClassifier());

            Object[][] expected = {
                // verdict, reason, ratio, cycle, quality
                {StagnationVerdict.NO_STAGNATION, null, 0.0, null, StepQuality.CORRECT},
                {StagnationVerdict.NO_STAGNATION, null, 0.5, null, StepQuality.CORRECT},
                {
                    StagnationVerdict.INJECT_PROMPT,
                    StagnationReason.TOOL_REPETITION,
                    0.6666666666666666,
                    null,
                    StepQuality.CORRECT
                },
                {StagnationVerdict.TERMINATE, StagnationReason.CYCLE_DETECTION, 0.75, 2, StepQuality.INCORRECT},
                {StagnationVerdict.TERMINATE, StagnationReason.CYCLE_DETECTION, 0.8, 2, StepQuality.INCORRECT},
            };
            for (int i = 0; i < expected.length; i++) {
                RunDriver.StepTrace step = trace.steps().get(i);
                assertEquals(expected[i][0], step.stagnation().verdict(), "verdict at step " + i);
                assertEquals(expected[i][1], step.stagnation().reason(), "reason at step " + i);
                assertEquals(expected[i][2], step.stagnation().repetitionRatio(), "ratio at step " + i);
                assertEquals(expected[i][3], step.stagnation().cycleLength(), "cycle at step " + i);
                assertEquals(expected[i][4], step.signal().quality(), "signal at step " + i);
            }
            assertEquals(
                    "[SYSTEM INTERVENTION: Stagnation detected -- your recent tool calls show a repeating pattern"
                            + " without progress. The following tools have been called with identical arguments"
                            + " multiple times: read_file:5aff422311aaf6f4. Try a different approach: modify your"
                            + " arguments, use different tools, or reconsider your strategy.]",
                    trace.steps().get(2).stagnation().correctiveMessage());

            EscalationTicket stagnation = trace.steps().get(3).tickets().get(0);
            assertEquals(EscalationCause.STAGNATION, stagnation.cause());
            assertEquals(EscalationSeverity.HIGH, stagnation.severity());
            assertEquals(1.0, stagnation.stallDurationSeconds());
            assertEquals(1, stagnation.stepsSinceLastProgress());
            assertEquals(List.of(), trace.steps().get(4).tickets(), "suppressed");
            assertEquals(List.of(), trace.endTickets(), "signals C, C, C, I, I: streak 2 < 3");

            assertEquals(1, logs.count("vigil.stagnation.correction_injected"));
            CapturingLogs.Event injected =
                    logs.named("vigil.stagnation.correction_injected").get(0);
            assertEquals(
                    Map.of("run_id", "run-c", "step_index", 2, "reason", "tool_repetition", "corrections", 1),
                    injected.fields());
            assertEquals(2, logs.count("vigil.stagnation.terminated"));
        }
    }

    @Test
    void monitoringDisabledStillChecksStagnationButJudgesNothing() {
        RunHealthMonitor monitor = monitor(JudgeConfig.DEFAULTS, RunMonitorConfig.DEFAULTS.withMonitoring(false, true));
        List<Turn> turns = Fixtures.turnsOf("A", "A", "A");
        for (int i = 0; i < 3; i++) {
            assertTrue(monitor.checkStagnation(i, List.of(turns.get(i))) != null);
            assertEquals(List.of(), monitor.afterStep(i, signal(StepQuality.INCORRECT, i), null, i));
        }
        assertEquals(List.of(), monitor.complete(TerminationReason.STAGNATION, false, 3));
        assertEquals(1, monitor.correctionsInjected());
        assertEquals(List.of(), publisher.published());
    }

    @Test
    void incrementalOffJudgesOnlyAtTheEnd() {
        RunHealthMonitor monitor = monitor(JudgeConfig.DEFAULTS, RunMonitorConfig.DEFAULTS.withMonitoring(true, false));
        for (int i = 0; i < 6; i++) {
            assertEquals(List.of(), monitor.afterStep(i, signal(StepQuality.INCORRECT, i), null, i));
        }
        List<EscalationTicket> end = monitor.complete(TerminationReason.COMPLETED, false, 6);
        assertEquals(EscalationSeverity.CRITICAL, end.get(0).severity());
        assertEquals(6.0, end.get(0).stallDurationSeconds());
        assertEquals(6, end.get(0).stepsSinceLastProgress());
    }

    @Test
    void emptyStepsAndStrategyOffGiveNoVerdict() {
        RunHealthMonitor off =
                monitor(JudgeConfig.DEFAULTS, RunMonitorConfig.DEFAULTS.withStrategy(StagnationStrategy.OFF));
        assertNull(off.checkStagnation(0, Fixtures.turnsOf("A")));
        RunHealthMonitor on = monitor(JudgeConfig.DEFAULTS, RunMonitorConfig.DEFAULTS);
        assertNull(on.checkStagnation(0, List.of()));
    }

    @Test
    void stepsWithoutSignalCountAsStepsButDoNotBreakTheStreak() {
        RunHealthMonitor monitor = monitor(JudgeConfig.DEFAULTS, RunMonitorConfig.DEFAULTS);
        monitor.afterStep(0, signal(StepQuality.INCORRECT, 0), null, 1);
        monitor.afterStep(1, null, null, 2);
        monitor.afterStep(2, signal(StepQuality.INCORRECT, 2), null, 3);
        List<EscalationTicket> tickets = monitor.afterStep(3, signal(StepQuality.INCORRECT, 3), null, 4);
        assertEquals(4, tickets.get(0).stepsSinceLastProgress(), "counted from run start: 3 - (-1)");
        assertEquals(4.0, tickets.get(0).stallDurationSeconds());
        assertEquals(3, tickets.get(0).qualitySignals().size());
    }

    @Test
    void misuseIsRejected() {
        RunHealthMonitor monitor = monitor(JudgeConfig.DEFAULTS, RunMonitorConfig.DEFAULTS);
        monitor.afterStep(0, null, null, 0);
        assertEquals(
                "stepIndex must be > 0 (steps in order), got 0",
                assertThrows(IllegalArgumentException.class, () -> monitor.afterStep(0, null, null, 0))
                        .getMessage());
        assertEquals(
                "elapsedSeconds must be finite, got NaN",
                assertThrows(IllegalArgumentException.class, () -> monitor.afterStep(1, null, null, Double.NaN))
                        .getMessage());
        monitor.complete(TerminationReason.COMPLETED, false, 1);
        assertThrows(IllegalStateException.class, () -> monitor.complete(TerminationReason.COMPLETED, false, 1));
    }

    @Test
    void aBadEndOfRunDurationIsIsolated() {
        RunHealthMonitor monitor = monitor(JudgeConfig.DEFAULTS, RunMonitorConfig.DEFAULTS);
        try (CapturingLogs.Capture logs = CapturingLogs.capture()) {
            assertEquals(List.of(), monitor.complete(TerminationReason.STAGNATION, false, -1.0));
            assertEquals(1, logs.count("vigil.health.pipeline_error"));
        }
    }

    private RunHealthMonitor monitor(JudgeConfig judge, RunMonitorConfig config) {
        return RunHealthMonitor.start("run-1", "agent-1", "task-1", config, pipeline(judge));
    }

    private HealthMonitoringPipeline pipeline(JudgeConfig judge) {
        FakeClock clock = new FakeClock(Fixtures.T0);
        return HealthMonitoringPipeline.builder()
                .judge(new HealthJudge(judge, clock))
                .triage(TriageChain.defaults())
                .publisher(publisher)
                .clock(clock)
                .build();
    }
}
