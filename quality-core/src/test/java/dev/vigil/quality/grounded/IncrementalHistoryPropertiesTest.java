package dev.vigil.quality.grounded;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.spi.model.FinishReason;
import dev.vigil.spi.model.Step;
import dev.vigil.spi.model.StepQualitySignal;
import dev.vigil.spi.model.TerminationReason;
import dev.vigil.spi.model.ToolCall;
import dev.vigil.spi.model.ToolResult;
import dev.vigil.spi.model.Turn;
import dev.vigil.spi.plugin.StepContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Classifying a run step by step with one classifier (which reuses the run's history between calls) gives exactly
 * what a fresh classifier gives for each step from its full context, also when two runs alternate.
 */
class IncrementalHistoryPropertiesTest {

    @Property(tries = 150)
    void reusedHistoryEqualsAFreshReplay(@ForAll("runs") List<Step> runA, @ForAll("runs") List<Step> runB) {
        GroundedStepClassifier reused = new GroundedStepClassifier();
        int steps = Math.max(runA.size(), runB.size());
        for (int i = 0; i < steps; i++) {
            // Alternating runs on one thread must not mix their histories.
            for (var run : List.of(Map.entry("run-a", runA), Map.entry("run-b", runB))) {
                List<Step> stepsOfRun = run.getValue();
                if (i >= stepsOfRun.size()) {
                    continue;
                }
                StepContext context = new StepContext(
                        run.getKey(), "task", Map.of(), stepsOfRun.subList(0, i), stepsOfRun.get(i), null);
                StepQualitySignal incremental = reused.classify(context);
                StepQualitySignal replayed = new GroundedStepClassifier().classify(context);
                assertEquals(replayed, incremental, run.getKey() + " step " + i);
            }
        }
    }

    @Provide
    Arbitrary<List<Step>> runs() {
        Arbitrary<String> tool = Arbitraries.of("search", "lookup", "get_order");
        Arbitrary<String> argument = Arbitraries.of("paris", "london", "order 7", "paris hotels");
        Arbitrary<ToolResult> result = Arbitraries.of(
                new ToolResult("", false),
                new ToolResult("Error: service unavailable", true),
                new ToolResult("Paris is the capital of France and has many hotels", false),
                new ToolResult("London hotels near the river are fully booked this week", false),
                new ToolResult("No results found", false));
        Arbitrary<ToolCall> call = Combinators.combine(tool, argument, result)
                .as((name, arg, res) -> new ToolCall(name, Map.of("q", arg), null, res));
        Arbitrary<List<ToolCall>> calls = call.list().ofMaxSize(2);
        Arbitrary<String> content = Arbitraries.of(null, "", "The answer is Paris.", "I cannot find it.");
        return Combinators.combine(
                        calls, content, Arbitraries.of(FinishReason.TOOL_USE, FinishReason.STOP, FinishReason.ERROR))
                .as((c, text, finish) -> List.of(c, text == null ? "" : text, finish))
                .list()
                .ofMaxSize(12)
                .map(IncrementalHistoryPropertiesTest::toSteps);
    }

    @SuppressWarnings("unchecked")
    private static List<Step> toSteps(List<List<Object>> specs) {
        List<Step> steps = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            List<Object> spec = specs.get(i);
            Turn turn = Turn.builder(i + 1, (FinishReason) spec.get(2))
                    .toolCalls((List<ToolCall>) spec.get(0))
                    .content((String) spec.get(1))
                    .build();
            steps.add(new Step(i, List.of(turn), TerminationReason.COMPLETED));
        }
        return steps;
    }
}
