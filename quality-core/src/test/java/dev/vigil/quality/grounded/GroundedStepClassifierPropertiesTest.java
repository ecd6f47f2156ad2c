package dev.vigil.quality.grounded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import net.jqwik.api.constraints.Size;

/** Hostile runs: whatever the text and results, the classifier answers, deterministically and within range. */
class GroundedStepClassifierPropertiesTest {

    record StepSpec(String text, String tool, String argument, String result, boolean error, boolean withResult) {}

    @Provide
    Arbitrary<StepSpec> steps() {
        Arbitrary<String> text = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(200),
                Arbitraries.of(
                        "",
                        " ",
                        "<tool_call>x</tool_call>",
                        "<answer></answer>",
                        "<answer>unable to determine" + "</answer>",
                        "\u0000\uFFFF",
                        "<answer>a</answer><answer>b"),
                Arbitraries.strings().withCharRange('a', 'e').ofMaxLength(20_000));
        Arbitrary<String> tool = Arbitraries.of("", "search", "get_user", "search");
        Arbitrary<String> result = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(300),
                Arbitraries.of("", "null", "[]", "{\"error\": \"x\"}"),
                Arbitraries.strings().withChars("ab ").ofMaxLength(5_000));
        return Combinators.combine(
                        text,
                        tool,
                        Arbitraries.strings().ofMaxLength(40),
                        result,
                        Arbitraries.of(true, false),
                        Arbitraries.of(true, false))
                .as(StepSpec::new);
    }

    @Property(tries = 300)
    void alwaysAnswersWithinRange(@ForAll @Size(max = 8) List<@net.jqwik.api.From("steps") StepSpec> specs) {
        GroundedStepClassifier classifier =
                new GroundedStepClassifier(GroundedConfig.DEFAULTS.withOverrides(dev.vigil.spi.plugin.PluginConfig.of(
                        Map.of("grounding_min_support", "0.5", "min_evidence_steps", "1"))));
        List<Step> steps = new ArrayList<>();
        int turn = 1;
        for (StepSpec spec : specs) {
            Turn.Builder builder = Turn.builder(turn++, spec.error() ? FinishReason.ERROR : FinishReason.STOP)
                    .content(spec.text());
            if (!spec.tool().isEmpty()) {
                builder.toolCall(new ToolCall(
                        spec.tool(),
                        Map.of("q", spec.argument()),
                        null,
                        spec.withResult() ? new ToolResult(spec.result(), spec.error()) : null));
            }
            steps.add(new Step(steps.size(), List.of(builder.build()), TerminationReason.COMPLETED));
        }
        for (int i = 0; i < steps.size(); i++) {
            StepContext context =
                    new StepContext("r", "t", Map.of("task_prompt", "What?"), steps.subList(0, i), steps.get(i), null);
            StepQualitySignal signal = classifier.classify(context);
            assertNotNull(signal);
            assertEquals(i, signal.stepIndex());
            assertTrue(signal.confidence() >= 0.0 && signal.confidence() <= 1.0);
            assertEquals(signal, classifier.classify(context), "deterministic");
        }
    }
}
