package dev.vigil.health.triage;

import static dev.vigil.health.Fixtures.ticket;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.health.CapturingLogs;
import dev.vigil.health.FakeClock;
import dev.vigil.health.Fixtures;
import dev.vigil.spi.model.EscalationCause;
import dev.vigil.spi.model.EscalationSeverity;
import dev.vigil.spi.model.EscalationTicket;
import dev.vigil.spi.model.TriageDecision;
import dev.vigil.spi.plugin.TriageRule;
import dev.vigil.spi.plugin.TriageVerdict;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** examples.md §8: the built-in rules (60.0 s / 5 steps) and the chain (D11, F9). */
class TriageChainTest {

    @ParameterizedTest(name = "[{index}] {0} stall={1} steps={2} thresholds=({3}, {4}) -> {5} by {6}")
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            textBlock =
                    """
            CRITICAL | 0    | 0 | 60.0 | 5 | ESCALATE | severity         | severity >= HIGH
            HIGH     | 0    | 0 | 60.0 | 5 | ESCALATE | severity         | severity >= HIGH
            LOW      | 0    | 0 | 60.0 | 5 | DISMISS  | severity         | LOW severity (transient)
            MEDIUM   | 30   | 2 | 60.0 | 5 | DISMISS  | persistent_stall | MEDIUM transient (below thresholds)
            MEDIUM   | 60.0 | 0 | 60.0 | 5 | ESCALATE | persistent_stall | MEDIUM with persistent stall
            MEDIUM   | 0    | 5 | 60.0 | 5 | ESCALATE | persistent_stall | MEDIUM with persistent stall
            MEDIUM   | 59.9 | 4 | 60.0 | 5 | DISMISS  | persistent_stall | MEDIUM transient (below thresholds)
            MEDIUM   | 10   | 0 | 10.0 | 2 | ESCALATE | persistent_stall | MEDIUM with persistent stall
            MEDIUM   | 5    | 1 | 10.0 | 2 | DISMISS  | persistent_stall | MEDIUM transient (below thresholds)
            MEDIUM   | 0    | 0 | 0.0  | 0 | ESCALATE | persistent_stall | MEDIUM with persistent stall
            """)
    void builtInRules(
            EscalationSeverity severity,
            double stall,
            int steps,
            double stallThreshold,
            int stepsThreshold,
            TriageDecision decision,
            String rule,
            String reason) {
        TriageChain chain = TriageChain.builder(new TriageConfig(stallThreshold, stepsThreshold))
                .build();

        TriageOutcome outcome = chain.decide(ticket(severity, stall, steps));

        assertEquals(decision, outcome.decision());
        assertEquals(rule, outcome.rule());
        assertEquals(reason, outcome.reason());
        assertEquals(decision == TriageDecision.ESCALATE, chain.shouldEscalate(ticket(severity, stall, steps)));
    }

    @Test
    void persistentStallLogsItsMeasurements() {
        try (CapturingLogs.Capture logs = CapturingLogs.capture()) {
            EscalationTicket t = ticket(EscalationSeverity.MEDIUM, 30.0, 2);
            TriageChain.defaults().decide(t);

            CapturingLogs.Event event =
                    logs.named("vigil.health.ticket_dismissed").get(0);
            assertEquals(t.id(), event.field("ticket_id"));
            assertEquals("timeout", event.field("cause"));
            assertEquals("medium", event.field("severity"));
            assertEquals("persistent_stall", event.field("rule"));
            assertEquals("MEDIUM transient (below thresholds)", event.field("reason"));
            assertEquals(30.0, event.field("stall_seconds"));
            assertEquals(2, event.field("steps_stuck"));
        }
    }

    @Test
    void configErrorsAreLoggedThenThrown() {
        try (CapturingLogs.Capture logs = CapturingLogs.capture()) {
            assertEquals(
                    "stallDurationThresholdSeconds must be >= 0, got -1.0",
                    assertThrows(IllegalArgumentException.class, () -> new TriageConfig(-1.0, 5))
                            .getMessage());
            assertEquals(
                    "stepsThreshold must be >= 0, got -1",
                    assertThrows(IllegalArgumentException.class, () -> new TriageConfig(60.0, -1))
                            .getMessage());
            assertEquals(
                    "stallDurationThresholdSeconds must be finite, got NaN",
                    assertThrows(IllegalArgumentException.class, () -> new TriageConfig(Double.NaN, 5))
                            .getMessage());
            List<CapturingLogs.Event> errors = logs.named("vigil.health.triage_config_error");
            assertEquals(3, errors.size());
            assertEquals("stallDurationThresholdSeconds", errors.get(0).field("parameter"));
            assertEquals(-1.0, errors.get(0).field("value"));
            assertEquals("stepsThreshold", errors.get(1).field("parameter"));
        }
    }

    // ---- chain (D11) ----

    @Test
    void aThirdPartyDismissalBeatsTheSeverityRule() {
        TriageOutcome outcome = chain(rule("quiet", 10, t -> TriageVerdict.dismiss("too noisy")))
                .decide(ticket(EscalationSeverity.HIGH, 0, 0));

        assertEquals(TriageDecision.DISMISS, outcome.decision());
        assertEquals("quiet", outcome.rule());
        assertEquals("decided by rule quiet", outcome.reason());
    }

    @Test
    void abstentionPassesToTheNextRule() {
        TriageOutcome outcome = chain(
                        rule("page", 5, t -> TriageVerdict.ABSTAIN),
                        rule("boost", 10, t -> TriageVerdict.escalate("always")))
                .decide(ticket(EscalationSeverity.LOW, 0, 0));

        assertEquals(TriageDecision.ESCALATE, outcome.decision());
        assertEquals("boost", outcome.rule());
    }

    @Test
    void equalPriorityOrdersByNameThenRegistration() {
        TriageChain byName =
                chain(rule("b", 7, t -> TriageVerdict.escalate("b")), rule("a", 7, t -> TriageVerdict.dismiss("a")));
        assertEquals("a", byName.decide(ticket(EscalationSeverity.MEDIUM, 0, 0)).rule());
        assertEquals(List.of("a", "b"), byName.thirdPartyOrder());

        TriageChain sameName = chain(
                rule("twin", 7, t -> TriageVerdict.dismiss("first")),
                rule("twin", 7, t -> TriageVerdict.escalate("second")));
        assertEquals(
                TriageDecision.DISMISS,
                sameName.decide(ticket(EscalationSeverity.MEDIUM, 0, 0)).decision());
    }

    @Test
    void lowerPriorityRunsFirst() {
        TriageOutcome outcome = chain(
                        rule("y", 2, t -> TriageVerdict.dismiss("y")), rule("z", 1, t -> TriageVerdict.escalate("z")))
                .decide(ticket(EscalationSeverity.LOW, 0, 0));

        assertEquals(TriageDecision.ESCALATE, outcome.decision());
        assertEquals("z", outcome.rule());
    }

    @Test
    void aThrowingRuleAbstainsAndIsReported() {
        try (CapturingLogs.Capture logs = CapturingLogs.capture()) {
            EscalationTicket high = ticket(EscalationSeverity.HIGH, 0, 0);
            TriageOutcome outcome = chain(rule("broken", 1, t -> {
                        throw new IllegalStateException("boom");
                    }))
                    .decide(high);

            assertEquals(TriageDecision.ESCALATE, outcome.decision());
            assertEquals("severity", outcome.rule());
            assertEquals(List.of(new RuleFailure("broken", "IllegalStateException", "boom")), outcome.failures());
            CapturingLogs.Event warning =
                    logs.named("vigil.health.triage_rule_failed").get(0);
            assertEquals(
                    Map.of(
                            "rule",
                            "broken",
                            "ticket_id",
                            high.id(),
                            "error_type",
                            "IllegalStateException",
                            "error",
                            "boom"),
                    warning.fields());
        }
    }

    @Test
    void aNullVerdictAbstainsAndIsReported() {
        try (CapturingLogs.Capture logs = CapturingLogs.capture()) {
            TriageOutcome outcome = chain(rule("silent", 1, t -> null)).decide(ticket(EscalationSeverity.LOW, 0, 0));

            assertEquals(TriageDecision.DISMISS, outcome.decision());
            assertEquals("severity", outcome.rule());
            assertEquals("NullVerdict", outcome.failures().get(0).errorType());
            assertEquals(1, logs.count("vigil.health.triage_rule_failed"));
        }
    }

    @Test
    void aHangingRuleIsCutOffAtTheCallTimeout() throws Exception {
        ExecutorService executor = Executors.newCachedThreadPool();
        CountDownLatch never = new CountDownLatch(1);
        try {
            TriageChain chain = TriageChain.builder(TriageConfig.DEFAULTS)
                    .rule(rule("slow", 1, t -> {
                        try {
                            never.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return TriageVerdict.dismiss("too late");
                    }))
                    .callTimeout(Duration.ofMillis(100), executor)
                    .build();
            long start = System.nanoTime();

            TriageOutcome outcome = chain.decide(ticket(EscalationSeverity.CRITICAL, 0, 0));

            assertEquals(TriageDecision.ESCALATE, outcome.decision());
            assertEquals("TimeoutException", outcome.failures().get(0).errorType());
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5));
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void aRuleThatCannotNameItselfIsLeftOut() {
        TriageRule nameless = new TriageRule() {
            @Override
            public String name() {
                throw new UnsupportedOperationException("no name");
            }

            @Override
            public int priority() {
                return 0;
            }

            @Override
            public TriageVerdict evaluate(EscalationTicket ticket) {
                return TriageVerdict.dismiss("never asked");
            }
        };
        TriageChain chain = chain(nameless);
        assertEquals(List.of(), chain.thirdPartyOrder());
        assertTrue(chain.shouldEscalate(ticket(EscalationSeverity.HIGH, 0, 0)));
    }

    @Test
    void anErrorFromARulePropagates() {
        TriageChain chain = chain(rule("fatal", 1, t -> {
            throw new AssertionError("fatal");
        }));
        assertThrows(AssertionError.class, () -> chain.decide(ticket(EscalationSeverity.HIGH, 0, 0)));
    }

    // ---- silences ----

    @Test
    void anActiveSilenceDismissesEvenCriticalTickets() {
        FakeClock clock = new FakeClock(Fixtures.T0);
        Silence silence = Silence.parse("agent=agent-1;cause=quality_degradation;until=2026-03-01T11:00:00Z");
        TriageChain chain = TriageChain.builder(TriageConfig.DEFAULTS)
                .silences(List.of(silence))
                .clock(clock)
                .build();
        EscalationTicket critical = ticket(EscalationCause.QUALITY_DEGRADATION, EscalationSeverity.CRITICAL, 0, 0);

        TriageOutcome outcome = chain.decide(critical);
        assertEquals(TriageDecision.DISMISS, outcome.decision());
        assertEquals("silence", outcome.rule());
        assertEquals("silenced until 2026-03-01T11:00:00Z", outcome.reason());

        // Another cause is not silenced.
        assertTrue(chain.shouldEscalate(ticket(EscalationCause.STAGNATION, EscalationSeverity.HIGH, 0, 0)));

        // The silence expires at `until` (exclusive).
        clock.advance(Duration.ofHours(1));
        assertTrue(chain.shouldEscalate(critical));
    }

    @Test
    void silencesRunBeforeThirdPartyRules() {
        TriageChain chain = TriageChain.builder(TriageConfig.DEFAULTS)
                .rule(rule("boost", 1, t -> TriageVerdict.escalate("always")))
                .silences(List.of(new Silence("agent-1", null, null, Fixtures.T0.plusSeconds(60))))
                .clock(new FakeClock(Fixtures.T0))
                .build();
        assertFalse(chain.shouldEscalate(ticket(EscalationSeverity.HIGH, 0, 0)));
    }

    private static TriageChain chain(TriageRule... rules) {
        return TriageChain.builder(TriageConfig.DEFAULTS).rules(List.of(rules)).build();
    }

    /** A rule from a lambda. */
    static TriageRule rule(String name, int priority, Function<EscalationTicket, TriageVerdict> body) {
        return new TriageRule() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public int priority() {
                return priority;
            }

            @Override
            public TriageVerdict evaluate(EscalationTicket ticket) {
                return body.apply(ticket);
            }
        };
    }
}
