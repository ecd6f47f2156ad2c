package dev.vigil.spi.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small builders shared by the model tests. */
final class Fixtures {

    static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private Fixtures() {}

    /** A STOP turn with the given number and no tool calls. */
    static Turn turn(int number) {
        return Turn.builder(number, FinishReason.STOP).build();
    }

    /** A STOP turn with the given number and latency. */
    static Turn turn(int number, Double latencyMs) {
        return Turn.builder(number, FinishReason.STOP).latencyMs(latencyMs).build();
    }

    /** STOP turns with the given numbers. */
    static List<Turn> turns(int... numbers) {
        List<Turn> turns = new ArrayList<>();
        for (int number : numbers) {
            turns.add(turn(number));
        }
        return turns;
    }

    /** A COMPLETED run builder with ids r1 / a1 / t1. */
    static Run.Builder run() {
        return Run.builder("r1", "a1", "t1", TerminationReason.COMPLETED);
    }

    /** A run of one agent with the given times. */
    static Run timedRun(String agentId, Instant startedAt, Instant endedAt) {
        return Run.builder("run-" + agentId, agentId, "t1", TerminationReason.COMPLETED)
                .startedAt(startedAt)
                .endedAt(endedAt)
                .build();
    }

    /** A map in the given insertion order: key, value, key, value, … (values may be null). */
    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }

    /** A mutable list that may hold nulls. */
    static List<Object> list(Object... values) {
        return new ArrayList<>(Arrays.asList(values));
    }

    /** A signal for ticket tests. */
    static StepQualitySignal signal(StepQuality quality) {
        return new StepQualitySignal(quality, 0.7, "reason", 0, new TurnRange(1, 1));
    }
}
