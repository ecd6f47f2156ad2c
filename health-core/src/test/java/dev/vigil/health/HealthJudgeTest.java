package dev.vigil.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.spi.model.EscalationCause;
import dev.vigil.spi.model.EscalationSeverity;
import dev.vigil.spi.model.EscalationTicket;
import dev.vigil.spi.model.StagnationReason;
import dev.vigil.spi.model.StagnationResult;
import dev.vigil.spi.model.StagnationVerdict;
import dev.vigil.spi.model.StepQualitySignal;
import dev.vigil.spi.model.TerminationReason;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** examples.md §7: the end-of-run judge with threshold 3. */
class HealthJudgeTest {

    /**
     * Config column: {@code default}, {@code no_budget} (emit_budget_breach false), {@code timeout60} (run_timeout 60).
     * Signals: C/N/I letters; an empty evidence cell means the table leaves it to the formula.
     */
    @ParameterizedTest(name = "[{index}] {0} recovery={1} signals={2} duration={3} {4} -> {5} {6}")
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            textBlock =
                    """
            STAGNATION       | false | ''     | 120  | default   | STAGNATION          | HIGH     | 0 | Agent terminated due to stagnation (repeated tool calls without progress)
            ERROR            | true  | ''     | 10   | default   | REPEATED_FAILURE    | MEDIUM   | 0 | Agent execution failed and recovery was applied
            ERROR            | false | ''     | 10   | default   | null                | null     | 0 | null
            COMPLETED        | false | III    | 5    | default   | QUALITY_DEGRADATION | HIGH     | 3 | 3 consecutive incorrect steps (threshold: 3)
            COMPLETED        | false | II     | 5    | default   | null                | null     | 0 | null
            COMPLETED        | false | IIIC   | 5    | default   | null                | null     | 0 | null
            COMPLETED        | false | CNC    | 5    | default   | null                | null     | 0 | null
            COMPLETED        | false | IIIII  | 5    | default   | QUALITY_DEGRADATION | HIGH     | 5 | 5 consecutive incorrect steps (threshold: 3)
            COMPLETED        | false | IIIIII | 5    | default   | QUALITY_DEGRADATION | CRITICAL | 6 | 6 consecutive incorrect steps (threshold: 3)
            STAGNATION       | false | IIIIII | 5    | default   | STAGNATION          | HIGH     | 0 | Agent terminated due to stagnation (repeated tool calls without progress)
            BUDGET_EXHAUSTED | false | ''     | 120  | default   | BUDGET_BREACH       | MEDIUM   | 0 | Agent terminated because its budget was exhausted
            BUDGET_EXHAUSTED | false | III    | 120  | default   | QUALITY_DEGRADATION | HIGH     | 3 | 3 consecutive incorrect steps (threshold: 3)
            BUDGET_EXHAUSTED | false | ''     | 120  | no_budget | null                | null     | 0 | null
            MAX_TURNS        | false | ''     | 90   | default   | TIMEOUT             | MEDIUM   | 0 | Agent terminated after reaching the maximum number of turns
            COMPLETED        | false | ''     | 61   | timeout60 | TIMEOUT             | MEDIUM   | 0 | Run duration 61.0 s exceeded the timeout of 60.0 s
            COMPLETED        | false | ''     | 60   | timeout60 | null                | null     | 0 | null
            COMPLETED        | false | ''     | 1000 | default   | null                | null     | 0 | null
            ERROR            | false | ''     | 90   | timeout60 | TIMEOUT             | MEDIUM   | 0 | Run duration 90.0 s exceeded the timeout of 60.0 s
            """)
    void examplesTable(
            TerminationReason reason,
            boolean recovery,
            String signals,
            double duration,
            String config,
            EscalationCause cause,
            EscalationSeverity severity,
            int steps,
            String evidence) {
        HealthJudge judge = new HealthJudge(config(config), new FakeClock(Fixtures.T0));
        List<StepQualitySignal> qualitySignals = Fixtures.signals(signals);

        Optional<EscalationTicket> ticket =
                judge.judge("run-1", reason, recovery, qualitySignals, "agent-1", "task-1", duration);

        if (cause == null) {
            assertTrue(ticket.isEmpty(), () -> "expected no ticket, got " + ticket);
            return;
        }
        EscalationTicket t = ticket.orElseThrow();
        assertEquals(cause, t.cause());
        assertEquals(severity, t.severity());
        assertEquals(steps, t.stepsSinceLastProgress());
        assertEquals(evidence, t.evidence());
        assertEquals(duration, t.stallDurationSeconds());
        assertEquals(qualitySignals, t.qualitySignals());
        assertEquals(Fixtures.T0, t.createdAt());
        assertEquals("run-1", t.runId());
    }

    @Test
    void everyTicketIsLogged() {
        try (CapturingLogs.Capture logs = CapturingLogs.capture()) {
            EscalationTicket t = new HealthJudge(JudgeConfig.DEFAULTS)
                    .judge("run-1", TerminationReason.STAGNATION, false, List.of(), "agent-1", "task-1", 120)
                    .orElseThrow();

            CapturingLogs.Event event =
                    logs.named("vigil.health.ticket_emitted").get(0);
            assertEquals(
                    Map.of(
                            "ticket_id", t.id(),
                            "run_id", "run-1",
                            "cause", "stagnation",
                            "severity", "high",
                            "agent_id", "agent-1",
                            "task_id", "task-1",
                            "evidence", t.evidence()),
                    event.fields());
        }
    }

    @Test
    void thresholdBelowOneIsLoggedThenRejected() {
        try (CapturingLogs.Capture logs = CapturingLogs.capture()) {
            IllegalArgumentException error =
                    assertThrows(IllegalArgumentException.class, () -> new JudgeConfig(0, true, true, null));
            assertEquals("qualityDegradationThreshold must be >= 1, got 0", error.getMessage());
            assertEquals(
                    error.getMessage(),
                    logs.named("vigil.health.ticket_emitted").get(0).field("error"));
        }
        assertEquals(
                "runTimeoutSeconds must be > 0.0, got 0.0",
                assertThrows(IllegalArgumentException.class, () -> new JudgeConfig(3, true, true, 0.0))
                        .getMessage());
    }

    @Test
    void negativeDurationMakesTicketConstructionThrow() {
        HealthJudge judge = new HealthJudge(JudgeConfig.DEFAULTS);
        assertThrows(
                IllegalArgumentException.class,
                () -> judge.judge("r", TerminationReason.STAGNATION, false, List.of(), "a", "t", -1.0));
    }

    @Test
    void incrementalChecksFollowTheSpecOrder() {
        HealthJudge judge = new HealthJudge(new JudgeConfig(3, true, true, 60.0));
        StagnationResult terminate = new StagnationResult(
                StagnationVerdict.TERMINATE, StagnationReason.TOOL_REPETITION, null, 0.8, null, Map.of());

        assertEquals(
                EscalationCause.STAGNATION,
                judge.assessStep(terminate, 9, 5.0, 2, 99).orElseThrow().cause());
        Judgement streak = judge.assessStep(null, 6, 5.0, 2, 99).orElseThrow();
        assertEquals(EscalationSeverity.CRITICAL, streak.severity());
        assertEquals(2, streak.stepsSinceLastProgress());
        assertEquals(
                EscalationCause.TIMEOUT,
                judge.assessStep(null, 2, 5.0, 2, 99).orElseThrow().cause());
        assertTrue(judge.assessStep(null, 2, 5.0, 2, 60).isEmpty());
        assertTrue(new HealthJudge(new JudgeConfig(3, true, false, 60.0))
                .assessStep(null, 0, 0.0, 0, 99)
                .isEmpty());
    }

    private static JudgeConfig config(String name) {
        switch (name) {
            case "no_budget":
                return new JudgeConfig(3, false, true, null);
            case "timeout60":
                return new JudgeConfig(3, true, true, 60.0);
            default:
                return JudgeConfig.DEFAULTS;
        }
    }
}
