package dev.vigil.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.health.notify.DispatcherConfig;
import dev.vigil.health.notify.NotificationDispatcher;
import dev.vigil.health.notify.RetryPolicy;
import dev.vigil.health.triage.AlertGrouper;
import dev.vigil.health.triage.GroupingConfig;
import dev.vigil.health.triage.TriageChain;
import dev.vigil.spi.model.EscalationTicket;
import dev.vigil.spi.model.Notification;
import dev.vigil.spi.model.NotificationCategory;
import dev.vigil.spi.model.NotificationSeverity;
import dev.vigil.spi.model.TerminationReason;
import dev.vigil.spi.plugin.NotificationSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** examples.md §9: pipeline and notification mapping. */
class HealthMonitoringPipelineTest {

    private final RecordingPublisher publisher = new RecordingPublisher();
    private final HealthMonitoringPipeline pipeline = pipeline(publisher);

    @ParameterizedTest(name = "[{index}] {0} recovery={1} signals={2} duration={3} -> {4}")
    @CsvSource(
            delimiter = '|',
            nullValues = "null",
            textBlock =
                    """
            STAGNATION       | false | ''  | 120 | health | error   | Health alert: stagnation (high)
            COMPLETED        | false | ''  | 5   | null   | null    | null
            ERROR            | true  | ''  | 10  | null   | null    | null
            ERROR            | true  | ''  | 120 | health | warning | Health alert: repeated_failure (medium)
            COMPLETED        | false | III | 5   | health | error   | Health alert: quality_degradation (high)
            BUDGET_EXHAUSTED | false | ''  | 120 | budget | warning | Health alert: budget_breach (medium)
            MAX_TURNS        | false | ''  | 90  | health | warning | Health alert: timeout (medium)
            """)
    void examplesTable(
            TerminationReason reason,
            boolean recovery,
            String signals,
            double duration,
            String category,
            String severity,
            String title) {
        Optional<EscalationTicket> ticket =
                pipeline.process("run-1", reason, recovery, Fixtures.signals(signals), "agent-1", "task-1", duration);

        if (title == null) {
            assertTrue(ticket.isEmpty());
            assertEquals(List.of(), publisher.published());
            return;
        }
        assertEquals(1, publisher.published().size());
        Notification n = publisher.published().get(0);
        EscalationTicket t = ticket.orElseThrow();
        assertEquals(category, n.category().wireName());
        assertEquals(severity, n.severity().wireName());
        assertEquals(title, n.title());
        assertEquals(t.evidence(), n.body());
        assertEquals("vigil.health_monitor", n.source());
        assertEquals(Fixtures.T0, n.timestamp());
        assertEquals(
                List.of("ticket_id", "run_id", "agent_id", "task_id", "cause", "escalation_severity"),
                new ArrayList<>(n.metadata().keySet()));
        assertEquals(t.id(), n.metadata().get("ticket_id"));
        assertEquals("run-1", n.metadata().get("run_id"));
        assertEquals("agent-1", n.metadata().get("agent_id"));
        assertEquals("task-1", n.metadata().get("task_id"));
        assertEquals(t.cause().wireName(), n.metadata().get("cause"));
        assertEquals(t.severity().wireName(), n.metadata().get("escalation_severity"));
    }

    @Test
    void aFailingDispatcherStillReturnsTheTicket() {
        HealthMonitoringPipeline failing = pipeline(n -> {
            throw new IllegalStateException("dispatcher down");
        });
        try (CapturingLogs.Capture logs = CapturingLogs.capture()) {
            Optional<EscalationTicket> ticket =
                    failing.process("run-1", TerminationReason.STAGNATION, false, List.of(), "a", "t", 120);

            assertTrue(ticket.isPresent());
            CapturingLogs.Event error =
                    logs.named("vigil.health.pipeline_error").get(0);
            assertEquals(ticket.get().id(), error.field("ticket_id"));
            assertEquals("IllegalStateException", error.field("error_type"));
            assertEquals("dispatcher down", error.field("error"));
            assertEquals("notification delivery failed, ticket still returned", error.field("detail"));
        }
    }

    @Test
    void aNegativeDurationGivesEmptyAndIsLogged() {
        try (CapturingLogs.Capture logs = CapturingLogs.capture()) {
            assertTrue(pipeline.process("run-1", TerminationReason.STAGNATION, false, List.of(), "a", "t", -1.0)
                    .isEmpty());
            assertEquals(
                    "IllegalArgumentException",
                    logs.named("vigil.health.pipeline_error").get(0).field("error_type"));
            assertEquals(List.of(), publisher.published());
        }
    }

    @Test
    void minSeverityFiltersAnEscalatedMediumTicketAfterTriage() {
        List<Notification> delivered = new ArrayList<>();
        NotificationSink sink = new NotificationSink() {
            @Override
            public String name() {
                return "recording";
            }

            @Override
            public void start() {}

            @Override
            public void send(Notification n) {
                delivered.add(n);
            }

            @Override
            public void close() {}
        };
        NotificationDispatcher dispatcher = NotificationDispatcher.builder(List.of(sink))
                .config(new DispatcherConfig(NotificationSeverity.ERROR, RetryPolicy.DEFAULTS, 5.0))
                .build();
        dispatcher.start();
        try {
            HealthMonitoringPipeline withDispatcher = pipeline(dispatcher);
            Optional<EscalationTicket> ticket =
                    withDispatcher.process("run-1", TerminationReason.MAX_TURNS, false, List.of(), "a", "t", 90);

            assertTrue(ticket.isPresent(), "escalated by persistent_stall (90 s >= 60 s)");
            assertEquals(List.of(), delivered);
            assertEquals(0, dispatcher.dispatch(HealthMonitoringPipeline.toNotification(ticket.get(), Fixtures.T0)));
        } finally {
            dispatcher.close();
        }
    }

    @Test
    void groupingFoldsARepeatButStillReturnsTheTicket() {
        HealthMonitoringPipeline grouped = HealthMonitoringPipeline.builder()
                .judge(new HealthJudge(JudgeConfig.DEFAULTS, new FakeClock(Fixtures.T0)))
                .triage(TriageChain.defaults())
                .publisher(publisher)
                .grouper(new AlertGrouper(GroupingConfig.DEFAULTS, new FakeClock(Fixtures.T0)))
                .clock(new FakeClock(Fixtures.T0))
                .build();

        assertTrue(grouped.process("run-1", TerminationReason.STAGNATION, false, List.of(), "a", "t", 1)
                .isPresent());
        assertTrue(grouped.process("run-1", TerminationReason.STAGNATION, false, List.of(), "a", "t", 1)
                .isPresent());
        assertTrue(grouped.process("run-2", TerminationReason.STAGNATION, false, List.of(), "a", "t", 1)
                .isPresent());
        assertEquals(2, publisher.published().size());
    }

    @Test
    void budgetBreachMapsToTheBudgetCategory() {
        EscalationTicket ticket = Fixtures.ticket(
                dev.vigil.spi.model.EscalationCause.BUDGET_BREACH, dev.vigil.spi.model.EscalationSeverity.LOW, 0, 0);
        Notification n = HealthMonitoringPipeline.toNotification(ticket, Fixtures.T0);
        assertEquals(NotificationCategory.BUDGET, n.category());
        assertEquals(NotificationSeverity.INFO, n.severity());
        assertEquals("low", n.metadata().get("escalation_severity"));
    }

    @Test
    void listenerSeesEveryTriagedTicketWithItsDecisionAndDeliveries() {
        record Seen(String cause, String decision, String rule, int delivered) {}
        List<Seen> seen = new ArrayList<>();
        FakeClock clock = new FakeClock(Fixtures.T0);
        HealthMonitoringPipeline listening = HealthMonitoringPipeline.builder()
                .judge(new HealthJudge(JudgeConfig.DEFAULTS, clock))
                .triage(TriageChain.defaults())
                .publisher(publisher)
                .listener((ticket, outcome, delivered) -> seen.add(
                        new Seen(ticket.cause().wireName(), outcome.decision().wireName(), outcome.rule(), delivered)))
                .clock(clock)
                .build();

        // A short failed run with recovery is MEDIUM and transient: dismissed, nothing delivered.
        listening.process("run-1", TerminationReason.ERROR, true, List.of(), "agent-1", "task-1", 10);
        // A stagnation is HIGH: escalated and delivered to the one recording sink.
        listening.process("run-2", TerminationReason.STAGNATION, false, List.of(), "agent-1", "task-1", 10);

        assertEquals(
                List.of(
                        new Seen("repeated_failure", "dismiss", "persistent_stall", 0),
                        new Seen("stagnation", "escalate", "severity", 1)),
                seen);
    }

    private static HealthMonitoringPipeline pipeline(dev.vigil.spi.plugin.NotificationPublisher publisher) {
        FakeClock clock = new FakeClock(Fixtures.T0);
        return HealthMonitoringPipeline.builder()
                .judge(new HealthJudge(JudgeConfig.DEFAULTS, clock))
                .triage(TriageChain.defaults())
                .publisher(publisher)
                .clock(clock)
                .build();
    }
}
