package dev.vigil.quality;

import static dev.vigil.quality.Fixtures.plainTurn;
import static dev.vigil.quality.Fixtures.toolTurn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vigil.spi.model.FinishReason;
import dev.vigil.spi.model.StagnationVerdict;
import dev.vigil.spi.model.StepQuality;
import dev.vigil.spi.model.StepQualitySignal;
import dev.vigil.spi.model.TerminationReason;
import dev.vigil.spi.model.Turn;
import dev.vigil.spi.model.TurnRange;
import dev.vigil.spi.plugin.PluginConfig;
import dev.vigil.spi.plugin.PluginConfigException;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** examples.md §3: the rule-based classifier with the default confidences 0.7 / 0.5. */
class RuleBasedStepClassifierTest {

    private final RuleBasedStepClassifier classifier = new RuleBasedStepClassifier();

    static Stream<Arguments> examplesTable() {
        Turn tools = toolTurn(1, FinishReason.TOOL_USE);
        return Stream.of(
                Arguments.of(
                        "stagnation TERMINATE wins",
                        StagnationVerdict.TERMINATE,
                        TerminationReason.COMPLETED,
                        List.of(tools),
                        StepQuality.INCORRECT,
                        1.0,
                        "Step terminated by stagnation detection"),
                Arguments.of(
                        "INJECT_PROMPT does not trigger rule 1",
                        StagnationVerdict.INJECT_PROMPT,
                        TerminationReason.COMPLETED,
                        List.of(tools),
                        StepQuality.CORRECT,
                        0.7,
                        "Step completed with tool calls"),
                Arguments.of(
                        "step terminated with error",
                        null,
                        TerminationReason.ERROR,
                        List.of(tools),
                        StepQuality.INCORRECT,
                        0.7,
                        "Step terminated with ERROR"),
                Arguments.of(
                        "final turn error after a tool turn",
                        null,
                        TerminationReason.COMPLETED,
                        List.of(toolTurn(1, FinishReason.STOP), plainTurn(2, FinishReason.ERROR)),
                        StepQuality.INCORRECT,
                        0.7,
                        "Final turn finished with error"),
                Arguments.of(
                        "max turns whose final turn errored",
                        null,
                        TerminationReason.MAX_TURNS,
                        List.of(toolTurn(1, FinishReason.STOP), toolTurn(2, FinishReason.ERROR)),
                        StepQuality.INCORRECT,
                        0.7,
                        "Final turn finished with error"),
                Arguments.of(
                        "content filter is not an error",
                        null,
                        TerminationReason.COMPLETED,
                        List.of(toolTurn(1, FinishReason.CONTENT_FILTER)),
                        StepQuality.CORRECT,
                        0.7,
                        "Step completed with tool calls"),
                Arguments.of(
                        "completed with tools",
                        null,
                        TerminationReason.COMPLETED,
                        List.of(tools),
                        StepQuality.CORRECT,
                        0.7,
                        "Step completed with tool calls"),
                Arguments.of(
                        "completed without tools",
                        null,
                        TerminationReason.COMPLETED,
                        List.of(plainTurn(1, FinishReason.STOP)),
                        StepQuality.NEUTRAL,
                        0.5,
                        "Step completed without tool calls"),
                Arguments.of(
                        "empty step",
                        null,
                        TerminationReason.COMPLETED,
                        List.of(),
                        StepQuality.NEUTRAL,
                        0.5,
                        "Empty step (no turns executed)"),
                Arguments.of(
                        "max turns with tools is exploratory",
                        null,
                        TerminationReason.MAX_TURNS,
                        List.of(tools),
                        StepQuality.NEUTRAL,
                        0.5,
                        "Exploratory step (no definitive outcome signal)"),
                Arguments.of(
                        "budget exhausted without tools",
                        null,
                        TerminationReason.BUDGET_EXHAUSTED,
                        List.of(plainTurn(1, FinishReason.STOP)),
                        StepQuality.NEUTRAL,
                        0.5,
                        "Step completed without tool calls"),
                Arguments.of(
                        "stagnation wins over the error",
                        StagnationVerdict.TERMINATE,
                        TerminationReason.ERROR,
                        List.of(tools),
                        StepQuality.INCORRECT,
                        1.0,
                        "Step terminated by stagnation detection"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examplesTable")
    void examplesTableRow(
            String description,
            StagnationVerdict stagnation,
            TerminationReason terminationReason,
            List<Turn> turns,
            StepQuality quality,
            double confidence,
            String reason) {
        StepQualitySignal signal = classifier.classify(0, turns, terminationReason, Fixtures.verdict(stagnation));

        assertEquals(quality, signal.quality());
        assertEquals(confidence, signal.confidence());
        assertEquals(reason, signal.reason());
        assertEquals(0, signal.stepIndex());
    }

    @Test
    void emptyStepReportsTurnRangeOneToOne() {
        StepQualitySignal signal = classifier.classify(0, List.of(), TerminationReason.COMPLETED, null);

        assertEquals(new TurnRange(1, 1), signal.turnRange());
    }

    @Test
    void turnRangeSpansFirstToLastTurnAndKeepsStepIndex() {
        List<Turn> turns = List.of(
                plainTurn(5, FinishReason.STOP), plainTurn(6, FinishReason.STOP), toolTurn(7, FinishReason.TOOL_USE));

        StepQualitySignal signal = classifier.classify(4, turns, TerminationReason.COMPLETED, null);

        assertEquals(StepQuality.CORRECT, signal.quality());
        assertEquals(0.7, signal.confidence());
        assertEquals(4, signal.stepIndex());
        assertEquals(new TurnRange(5, 7), signal.turnRange());
    }

    @Test
    void noStagnationVerdictBehavesLikeNull() {
        StepQualitySignal signal = classifier.classify(
                0,
                List.of(toolTurn(1, FinishReason.TOOL_USE)),
                TerminationReason.COMPLETED,
                Fixtures.verdict(StagnationVerdict.NO_STAGNATION));

        assertEquals(StepQuality.CORRECT, signal.quality());
    }

    @Test
    void configuredConfidencesAreUsed() {
        RuleBasedStepClassifier custom = new RuleBasedStepClassifier(new ClassifierConfig(0.9, 0.2));

        assertEquals(
                0.9,
                custom.classify(0, List.of(toolTurn(1, FinishReason.TOOL_USE)), TerminationReason.COMPLETED, null)
                        .confidence());
        assertEquals(
                0.2,
                custom.classify(0, List.of(), TerminationReason.COMPLETED, null).confidence());
        assertEquals(
                1.0,
                custom.classify(
                                0,
                                List.of(),
                                TerminationReason.COMPLETED,
                                Fixtures.verdict(StagnationVerdict.TERMINATE))
                        .confidence(),
                "the definitive confidence is a constant, not a setting");
    }

    @ParameterizedTest(name = "ruleMatched={0}, fallback={1}")
    @CsvSource({
        "-0.1, 0.5, 'ruleMatchedConfidence must be in [0.0, 1.0], got -0.1'",
        "1.5, 0.5, 'ruleMatchedConfidence must be in [0.0, 1.0], got 1.5'",
        "0.7, -0.01, 'fallbackConfidence must be in [0.0, 1.0], got -0.01'",
        "0.7, 2.0, 'fallbackConfidence must be in [0.0, 1.0], got 2.0'",
        "NaN, 0.5, 'ruleMatchedConfidence must be finite, got NaN'",
        "0.7, Infinity, 'fallbackConfidence must be finite, got Infinity'"
    })
    void invalidConfigIsRejectedWithTheSpecMessage(double ruleMatched, double fallback, String message) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new ClassifierConfig(ruleMatched, fallback));
        assertEquals(message, e.getMessage());
    }

    @Test
    void boundaryConfidencesAreAccepted() {
        assertEquals(new ClassifierConfig(0.0, 1.0), new ClassifierConfig(0.0, 1.0));
        assertEquals(new ClassifierConfig(1.0, 0.0).ruleMatchedConfidence(), 1.0);
    }

    @Test
    void defaultsEqualTheSettingsDefaults() {
        assertEquals(new ClassifierConfig(0.7, 0.5), ClassifierConfig.DEFAULTS);
        assertEquals(ClassifierConfig.DEFAULTS, new RuleBasedStepClassifier().config());
    }

    @Test
    void nameIsRuleBased() {
        assertEquals("rule_based", classifier.name());
        assertEquals("rule_based", new RuleBasedStepClassifierProvider().name());
    }

    @Test
    void providerAppliesPluginConfigOverrides() {
        RuleBasedStepClassifier created = new RuleBasedStepClassifierProvider(new ClassifierConfig(0.6, 0.4))
                .create(PluginConfig.of(Map.of("fallback_confidence", "0.3")));

        assertEquals(new ClassifierConfig(0.6, 0.3), created.config());
        assertEquals(
                ClassifierConfig.DEFAULTS,
                new RuleBasedStepClassifierProvider()
                        .create(PluginConfig.empty())
                        .config());
    }

    @Test
    void providerRejectsBadOverrides() {
        RuleBasedStepClassifierProvider provider = new RuleBasedStepClassifierProvider();

        assertThrows(
                PluginConfigException.class,
                () -> provider.create(PluginConfig.of(Map.of("rule_matched_confidence", "high"))));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> provider.create(PluginConfig.of(Map.of("rule_matched_confidence", "1.5"))));
        assertEquals("ruleMatchedConfidence must be in [0.0, 1.0], got 1.5", e.getMessage());
    }

    @Test
    void invalidArgumentsAreRejected() {
        assertThrows(
                IllegalArgumentException.class,
                () -> classifier.classify(-1, List.of(), TerminationReason.COMPLETED, null));
        assertThrows(
                IllegalArgumentException.class, () -> classifier.classify(0, null, TerminationReason.COMPLETED, null));
        assertThrows(IllegalArgumentException.class, () -> classifier.classify(0, List.of(), null, null));
    }
}
