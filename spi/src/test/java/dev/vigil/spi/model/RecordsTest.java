package dev.vigil.spi.model;

import static dev.vigil.spi.model.Fixtures.T0;
import static dev.vigil.spi.model.Fixtures.list;
import static dev.vigil.spi.model.Fixtures.map;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Defaults, constants, factories and defensive copies of the smaller records. */
class RecordsTest {

    @Test
    void toolCallArgumentsDefaultToEmptyAndAreDeepCopied() {
        assertEquals(Map.of(), new ToolCall("f", null).arguments());
        List<Object> values = list(1, null);
        Map<String, Object> arguments = map("v", values);
        ToolCall call = new ToolCall("f", arguments, "c1");
        values.add(2);
        arguments.put("w", 1);
        assertEquals(map("v", list(1, null)), call.arguments());
        assertEquals("c1", call.id());
        assertThrows(UnsupportedOperationException.class, () -> call.arguments().clear());
        assertEquals(new ToolCall("f", map("v", list(1, null)), "c1"), call);
    }

    @Test
    void noStagnationConstant() {
        StagnationResult none = StagnationResult.NO_STAGNATION;
        assertEquals(StagnationVerdict.NO_STAGNATION, none.verdict());
        assertNull(none.reason());
        assertNull(none.correctiveMessage());
        assertEquals(0.0, none.repetitionRatio());
        assertNull(none.cycleLength());
        assertEquals(Map.of(), none.details());
        assertFalse(none.detected());
        assertEquals(0.5, StagnationResult.noStagnation(0.5).repetitionRatio());
    }

    @Test
    void validStagnationResults() {
        StagnationResult inject = new StagnationResult(
                StagnationVerdict.INJECT_PROMPT,
                StagnationReason.TOOL_REPETITION,
                "try something else",
                0.6666666666666666,
                null,
                map("repeated", list("read_file:5aff422311aaf6f4")));
        assertTrue(inject.detected());
        StagnationResult terminate =
                new StagnationResult(StagnationVerdict.TERMINATE, StagnationReason.CYCLE_DETECTION, null, 1.0, 2, null);
        assertEquals(2, terminate.cycleLength());
        assertEquals(Map.of(), terminate.details());
        assertNull(new StagnationResult(StagnationVerdict.TERMINATE, null, null, 0.0, null, Map.of()).reason());
    }

    @Test
    void candidateOfTakesTheRunsOutputTokens() {
        Run run = Fixtures.run()
                .turn(Turn.builder(1, FinishReason.STOP).outputTokens(40).build())
                .turn(Turn.builder(2, FinishReason.STOP).outputTokens(2).build())
                .build();
        Candidate candidate = Candidate.of(3, run, 87.5);
        assertEquals(new Candidate(3, run, 87.5, 42L), candidate);
        assertNull(Candidate.of(0, run, null).verbalizedConfidence());
        assertEquals(100.0, Candidate.of(0, run, 100.0).verbalizedConfidence());
    }

    @Test
    void signalBoundsAreInclusive() {
        assertEquals(new TurnRange(1, 1), new TurnRange(1, 1));
        new StepQualitySignal(StepQuality.CORRECT, 0.0, "r", 0, new TurnRange(5, 7));
        new StepQualitySignal(StepQuality.INCORRECT, 1.0, "r", 4, new TurnRange(5, 7));
    }

    @Test
    void agentDurationHasNoValidationOfItsOwn() {
        assertEquals(-1.0, new AgentDuration("a", -1.0).seconds());
        assertTrue(Double.isNaN(new AgentDuration(null, Double.NaN).seconds()));
    }

    @Test
    void ticketBuilderDefaults() {
        Instant before = Instant.now();
        EscalationTicket ticket = EscalationTicket.builder(
                        "r1", "a1", "t1", EscalationCause.QUALITY_DEGRADATION, EscalationSeverity.HIGH, "3 incorrect")
                .build();
        Instant after = Instant.now();
        assertEquals(ticket.id(), UUID.fromString(ticket.id()).toString());
        assertFalse(ticket.createdAt().isBefore(before));
        assertFalse(ticket.createdAt().isAfter(after));
        assertEquals(0, ticket.stepsSinceLastProgress());
        assertEquals(0.0, ticket.stallDurationSeconds());
        assertEquals(List.of(), ticket.qualitySignals());
        assertEquals(Map.of(), ticket.metadata());
        assertNotEquals(
                ticket.id(),
                EscalationTicket.builder("r1", "a1", "t1", EscalationCause.TIMEOUT, EscalationSeverity.MEDIUM, "slow")
                        .build()
                        .id());
    }

    @Test
    void ticketCopiesSignalsAndMetadata() {
        List<StepQualitySignal> signals = new ArrayList<>(List.of(Fixtures.signal(StepQuality.INCORRECT)));
        Map<String, Object> metadata = map("steps", list(1, 2));
        EscalationTicket ticket = EscalationTicket.builder(
                        "r1", "a1", "t1", EscalationCause.STAGNATION, EscalationSeverity.HIGH, "stuck")
                .id("ticket-1")
                .createdAt(T0)
                .stepsSinceLastProgress(3)
                .stallDurationSeconds(12.5)
                .qualitySignals(signals)
                .qualitySignal(Fixtures.signal(StepQuality.NEUTRAL))
                .metadata(metadata)
                .build();
        signals.clear();
        metadata.put("late", true);
        assertEquals("ticket-1", ticket.id());
        assertEquals(T0, ticket.createdAt());
        assertEquals(2, ticket.qualitySignals().size());
        assertEquals(map("steps", list(1, 2)), ticket.metadata());
        assertEquals(ticket, ticket.toBuilder().build());
    }

    @Test
    void ticketConstructorDefaultsCreatedAtToNow() {
        EscalationTicket ticket = new EscalationTicket(
                "id", "r", EscalationCause.TIMEOUT, EscalationSeverity.LOW, "e", "a", "t", 0, 0.0, null, null, null);
        assertNotNull(ticket.createdAt());
    }

    @Test
    void notificationBuilderDefaults() {
        Notification notification = Notification.builder(
                        NotificationCategory.HEALTH,
                        NotificationSeverity.ERROR,
                        "Health alert: stagnation (high)",
                        "vigil.health_monitor")
                .build();
        assertEquals(notification.id(), UUID.fromString(notification.id()).toString());
        assertEquals("", notification.body());
        assertEquals(Map.of(), notification.metadata());
        assertNotNull(notification.timestamp());
    }

    @Test
    void notificationKeepsMetadataOrderAndCopies() {
        Map<String, Object> metadata = map("ticket_id", "t-1", "run_id", "r1", "cause", "stagnation");
        Notification notification = Notification.builder(
                        NotificationCategory.HEALTH, NotificationSeverity.ERROR, "title", "vigil.health_monitor")
                .id("n-1")
                .body("line one\nline two")
                .timestamp(T0)
                .metadata(metadata)
                .build();
        metadata.put("late", 1);
        assertEquals(
                List.of("ticket_id", "run_id", "cause"),
                new ArrayList<>(notification.metadata().keySet()));
        assertEquals("line one\nline two", notification.body());
        assertEquals(notification, notification.toBuilder().build());
    }
}
