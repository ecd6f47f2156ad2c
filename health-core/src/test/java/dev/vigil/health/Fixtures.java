package dev.vigil.health;

import dev.vigil.spi.model.EscalationCause;
import dev.vigil.spi.model.EscalationSeverity;
import dev.vigil.spi.model.EscalationTicket;
import dev.vigil.spi.model.FinishReason;
import dev.vigil.spi.model.StepQuality;
import dev.vigil.spi.model.StepQualitySignal;
import dev.vigil.spi.model.ToolCall;
import dev.vigil.spi.model.Turn;
import dev.vigil.spi.model.TurnRange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Test data builders. In the examples, "A", "B", ... are distinct fingerprints: here letter X is the call
 * {@code read_file {"path": "X"}} (or another tool name when given), so equal letters give equal fingerprints.
 */
public final class Fixtures {

    /** A fixed instant for deterministic tickets. */
    public static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private Fixtures() {}

    /** The call {@code tool {"path": key}}. */
    public static ToolCall call(String tool, String key) {
        return ToolCall.of(tool, Map.of("path", key));
    }

    /** The call {@code read_file {"path": key}}. */
    public static ToolCall read(String key) {
        return call("read_file", key);
    }

    /** A turn making {@code calls} (none gives a tool-less turn). */
    public static Turn turn(int number, ToolCall... calls) {
        return Turn.builder(number, calls.length == 0 ? FinishReason.STOP : FinishReason.TOOL_USE)
                .toolCalls(List.of(calls))
                .build();
    }

    /** One turn per spec, numbered from 1; each spec is a string of letters, one read_file call per letter. */
    public static List<Turn> turnsOf(String... specs) {
        List<Turn> turns = new ArrayList<>();
        int number = 1;
        for (String spec : specs) {
            List<ToolCall> calls = new ArrayList<>();
            for (char c : spec.toCharArray()) {
                calls.add(read(String.valueOf(c)));
            }
            turns.add(turn(number++, calls.toArray(new ToolCall[0])));
        }
        return turns;
    }

    /** A signal of {@code quality} for step {@code stepIndex}. */
    public static StepQualitySignal signal(StepQuality quality, int stepIndex) {
        return new StepQualitySignal(
                quality, 0.7, "test signal", stepIndex, new TurnRange(stepIndex + 1, stepIndex + 1));
    }

    /** Signals from a string such as {@code "CNII"} (C correct, N neutral, I incorrect), indexed from 0. */
    public static List<StepQualitySignal> signals(String qualities) {
        List<StepQualitySignal> out = new ArrayList<>();
        for (int i = 0; i < qualities.length(); i++) {
            out.add(signal(quality(qualities.charAt(i)), i));
        }
        return out;
    }

    /** C, N or I. */
    public static StepQuality quality(char letter) {
        switch (letter) {
            case 'C':
                return StepQuality.CORRECT;
            case 'N':
                return StepQuality.NEUTRAL;
            case 'I':
                return StepQuality.INCORRECT;
            default:
                throw new IllegalArgumentException("quality letter must be C, N or I, got " + letter);
        }
    }

    /** A ticket for run r1 with the given severity, stall and steps. */
    public static EscalationTicket ticket(EscalationSeverity severity, double stall, int steps) {
        return ticket(EscalationCause.TIMEOUT, severity, stall, steps);
    }

    /** A ticket for run r1. */
    public static EscalationTicket ticket(EscalationCause cause, EscalationSeverity severity, double stall, int steps) {
        return EscalationTicket.builder("r1", "agent-1", "task-1", cause, severity, "evidence")
                .stallDurationSeconds(stall)
                .stepsSinceLastProgress(steps)
                .createdAt(T0)
                .build();
    }
}
