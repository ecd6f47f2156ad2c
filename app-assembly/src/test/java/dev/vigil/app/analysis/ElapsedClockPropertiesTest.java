package dev.vigil.app.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.spi.model.FinishReason;
import dev.vigil.spi.model.Run;
import dev.vigil.spi.model.Step;
import dev.vigil.spi.model.TerminationReason;
import dev.vigil.spi.model.Turn;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The running elapsed time equals the data model's definition at every step, with and without timestamps. */
class ElapsedClockPropertiesTest {

    @Property(tries = 200)
    void runningValueEqualsTheDefinitionAtEveryStep(
            @ForAll @Size(max = 30) List<@DoubleRange(min = 0, max = 1e6) Double> latencies,
            @ForAll boolean timestamps,
            @ForAll boolean groupedSteps,
            @ForAll @IntRange(min = 0, max = 3) int emptySteps) {
        Instant start = Instant.parse("2026-03-01T10:00:00Z");
        List<Turn> turns = new ArrayList<>();
        double offset = 0;
        for (int i = 0; i < latencies.size(); i++) {
            Turn.Builder turn = Turn.builder(i + 1, FinishReason.STOP).latencyMs(i % 3 == 0 ? null : latencies.get(i));
            if (timestamps) {
                offset += latencies.get(i);
                turn.startedAt(start).endedAt(start.plusMillis((long) offset));
            }
            turns.add(turn.build());
        }
        Run.Builder run =
                Run.builder("r", "a", "t", TerminationReason.COMPLETED).turns(turns);
        if (timestamps) {
            run.startedAt(start);
        }
        if (groupedSteps && !turns.isEmpty()) {
            // Two turns per step, with empty steps in between, as a source's own step structure may have.
            List<Step> steps = new ArrayList<>();
            for (int i = 0; i < turns.size(); i += 2) {
                if (steps.size() < emptySteps) {
                    steps.add(new Step(steps.size(), List.of(), TerminationReason.COMPLETED));
                }
                steps.add(new Step(
                        steps.size(), turns.subList(i, Math.min(i + 2, turns.size())), TerminationReason.COMPLETED));
            }
            run.sourceSteps(steps);
        }
        Run built = run.build();
        RunAnalyzer.ElapsedClock clock = new RunAnalyzer.ElapsedClock(built);
        for (int i = 0; i < built.steps().size(); i++) {
            clock.advance(built.steps().get(i));
            assertEquals(built.elapsedSecondsAtEndOf(i), clock.seconds(), "step " + i);
        }
    }
}
