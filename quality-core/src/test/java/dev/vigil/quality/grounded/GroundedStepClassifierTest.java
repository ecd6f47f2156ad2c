package dev.vigil.quality.grounded;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vigil.spi.model.FinishReason;
import dev.vigil.spi.model.StagnationReason;
import dev.vigil.spi.model.StagnationResult;
import dev.vigil.spi.model.StagnationVerdict;
import dev.vigil.spi.model.Step;
import dev.vigil.spi.model.StepQuality;
import dev.vigil.spi.model.StepQualitySignal;
import dev.vigil.spi.model.TerminationReason;
import dev.vigil.spi.model.ToolCall;
import dev.vigil.spi.model.ToolResult;
import dev.vigil.spi.model.Turn;
import dev.vigil.spi.plugin.PluginConfig;
import dev.vigil.spi.plugin.StepContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The grounded classifier's rules, one behaviour per test, on small hand-made runs. */
class GroundedStepClassifierTest {

    static final String PASSAGE_A = "Paris is the capital and most populous city of France, on the river Seine.";
    static final String PASSAGE_B = "Lyon is the third largest city of France, at the confluence of two rivers.";
    static final String PASSAGE_C = "The Eiffel Tower was built for the 1889 World's Fair by Gustave Eiffel's company.";

    final GroundedStepClassifier classifier = new GroundedStepClassifier();

    /** A run under construction: each added step sees the steps added before it. */
    static final class RunBuilder {
        final List<Step> steps = new ArrayList<>();
        int turn = 1;

        Step search(String query, String result) {
            return call("search", Map.of("query", query), new ToolResult(result, false));
        }

        Step call(String tool, Map<String, Object> arguments, ToolResult result) {
            FinishReason finish = result != null && result.error() ? FinishReason.ERROR : FinishReason.TOOL_USE;
            Turn t = Turn.builder(turn++, finish)
                    .toolCall(new ToolCall(tool, arguments, null, result))
                    .build();
            return add(t);
        }

        Step say(String text) {
            return add(Turn.builder(turn++, FinishReason.STOP).content(text).build());
        }

        Step add(Turn t) {
            Step step = new Step(steps.size(), List.of(t), TerminationReason.COMPLETED);
            steps.add(step);
            return step;
        }

        StepContext last(Map<String, Object> metadata) {
            Step step = steps.get(steps.size() - 1);
            return new StepContext("r", "t", metadata, steps.subList(0, steps.size() - 1), step, null);
        }

        StepContext last() {
            return last(Map.of());
        }
    }

    StepQualitySignal classifyLast(RunBuilder run) {
        return classifier.classify(run.last());
    }

    @Test
    void aTerminateVerdictIsDefinitivelyIncorrect() {
        RunBuilder run = new RunBuilder();
        Step step = run.search("capital of france", PASSAGE_A);
        StagnationResult terminate = new StagnationResult(
                StagnationVerdict.TERMINATE, StagnationReason.TOOL_REPETITION, null, 0.9, null, Map.of());
        StepQualitySignal signal = classifier.classify(new StepContext("r", "t", Map.of(), List.of(), step, terminate));
        assertEquals(StepQuality.INCORRECT, signal.quality());
        assertEquals(1.0, signal.confidence());
        assertEquals(GroundedStepClassifier.REASON_STAGNATION, signal.reason());
    }

    @Test
    void aToolErrorIsIncorrectAndTheNextUsefulStepIsARecovery() {
        RunBuilder run = new RunBuilder();
        run.call("search", Map.of(), new ToolResult("{\"error\": \"missing query\"}", true));
        assertSignal(StepQuality.INCORRECT, 0.7, GroundedStepClassifier.REASON_ERROR, classifyLast(run));
        run.search("capital of france", PASSAGE_A);
        assertSignal(StepQuality.CORRECT, 0.5, GroundedStepClassifier.REASON_RECOVERED, classifyLast(run));
    }

    @Test
    void aStepThatEndedWithErrorIsIncorrectEvenWithoutTools() {
        Step step = new Step(0, List.of(Turn.builder(1, FinishReason.STOP).build()), TerminationReason.ERROR);
        assertEquals(
                StepQuality.INCORRECT,
                classifier
                        .classify(new StepContext(null, null, null, List.of(), step, null))
                        .quality());
    }

    @Test
    void aToolStepWithNewResultsIsCorrect() {
        RunBuilder run = new RunBuilder();
        run.search("capital of france", PASSAGE_A);
        run.search("second city of france", PASSAGE_B);
        assertSignal(StepQuality.CORRECT, 0.5, GroundedStepClassifier.REASON_NEW_EVIDENCE, classifyLast(run));
    }

    @Test
    void resultsAlreadySeenAreUnhelpfulOnceThenAStall() {
        RunBuilder run = new RunBuilder();
        run.search("capital of france", PASSAGE_A);
        run.search("france capital city", PASSAGE_A);
        assertSignal(StepQuality.NEUTRAL, 0.7, GroundedStepClassifier.REASON_UNHELPFUL, classifyLast(run));
        run.search("what is the capital of france", PASSAGE_A + " " + PASSAGE_B.substring(0, 10));
        assertSignal(StepQuality.INCORRECT, 0.7, GroundedStepClassifier.REASON_STALLED, classifyLast(run));
    }

    @Test
    void withNoStallToleranceTheFirstUnhelpfulStepIsIncorrect() {
        GroundedStepClassifier strict = new GroundedStepClassifier(
                GroundedConfig.DEFAULTS.withOverrides(PluginConfig.of(Map.of("stall_tolerance", "0"))));
        RunBuilder run = new RunBuilder();
        run.search("capital of france", PASSAGE_A);
        run.search("france capital city", PASSAGE_A);
        assertEquals(StepQuality.INCORRECT, strict.classify(run.last()).quality());
    }

    @Test
    void noveltyOffKeepsRepeatedResultsCorrect() {
        GroundedStepClassifier lenient = new GroundedStepClassifier(
                GroundedConfig.DEFAULTS.withOverrides(PluginConfig.of(Map.of("min_result_novelty", "0"))));
        RunBuilder run = new RunBuilder();
        run.search("capital of france", PASSAGE_A);
        run.search("france capital city", PASSAGE_A);
        assertEquals(StepQuality.CORRECT, lenient.classify(run.last()).quality());
    }

    @Test
    void anEmptyResultIsUnhelpful() {
        RunBuilder run = new RunBuilder();
        run.search("capital of atlantis", "  ");
        assertEquals(StepQuality.NEUTRAL, classifyLast(run).quality());
        run.search("atlantis capital", "null");
        assertEquals(StepQuality.INCORRECT, classifyLast(run).quality());
    }

    @Test
    void withoutRecordedResultsANearDuplicateCallIsUnhelpful() {
        RunBuilder run = new RunBuilder();
        run.call("search", Map.of("query", "capital of France"), null);
        assertEquals(StepQuality.CORRECT, classifyLast(run).quality());
        run.call("search", Map.of("query", "France capital of"), null);
        assertSignal(StepQuality.NEUTRAL, 0.7, GroundedStepClassifier.REASON_UNHELPFUL, classifyLast(run));
        run.call("lookup", Map.of("query", "France capital of"), null);
        assertEquals(StepQuality.CORRECT, classifyLast(run).quality(), "another tool is no repeat");
        run.call("search", Map.of("query", "largest river of France"), null);
        assertEquals(StepQuality.CORRECT, classifyLast(run).quality(), "a different query is no repeat");
    }

    @Test
    void aToolCallWrittenAsTextIsAWastedStep() {
        RunBuilder run = new RunBuilder();
        run.say("<think>I should check.</think>\n<tool_call>capital of France</tool_call>");
        assertSignal(StepQuality.INCORRECT, 0.7, GroundedStepClassifier.REASON_UNEXECUTED_TOOL_CALL, classifyLast(run));
    }

    @Test
    void aMarkedAnswerWinsOverToolMarkupInTheSameText() {
        RunBuilder run = new RunBuilder();
        run.say("<tool_call>capital</tool_call><tool_response>Paris</tool_response><answer>Paris</answer>");
        assertEquals(StepQuality.CORRECT, classifyLast(run).quality());
    }

    @Test
    void anAnswerRightAfterAStalledSearchIsAGuess() {
        RunBuilder run = new RunBuilder();
        run.search("capital of france", PASSAGE_A);
        run.search("france capital city", PASSAGE_A);
        run.say("<answer>Paris</answer>");
        assertSignal(StepQuality.INCORRECT, 0.7, GroundedStepClassifier.REASON_ANSWER_AFTER_STALL, classifyLast(run));
    }

    @Test
    void anAnswerRightAfterAFailedCallIsAGuess() {
        RunBuilder run = new RunBuilder();
        run.call("search", Map.of(), new ToolResult("Error: no query", true));
        run.say("<answer>Paris</answer>");
        assertEquals(
                GroundedStepClassifier.REASON_ANSWER_AFTER_STALL,
                classifyLast(run).reason());
    }

    @Test
    void anAnswerAfterNewEvidenceIsCorrect() {
        RunBuilder run = new RunBuilder();
        run.search("capital of france", PASSAGE_A);
        run.say("<answer>Paris</answer>");
        assertSignal(StepQuality.CORRECT, 0.5, GroundedStepClassifier.REASON_ANSWER, classifyLast(run));
    }

    @Test
    void answerAfterStallCanBeSwitchedOff() {
        GroundedStepClassifier off = new GroundedStepClassifier(
                GroundedConfig.DEFAULTS.withOverrides(PluginConfig.of(Map.of("answer_after_stall", "false"))));
        RunBuilder run = new RunBuilder();
        run.search("capital of france", PASSAGE_A);
        run.search("france capital city", PASSAGE_A);
        run.say("<answer>Paris</answer>");
        assertEquals(StepQuality.CORRECT, off.classify(run.last()).quality());
    }

    @Test
    void aMarkedAnswerThatGivesUpIsIncorrect() {
        RunBuilder run = new RunBuilder();
        run.search("capital of atlantis", PASSAGE_C);
        run.say("Nothing found.\n<answer>Unable to determine the capital from the results.</answer>");
        assertSignal(StepQuality.INCORRECT, 0.7, GroundedStepClassifier.REASON_ABSTAINED, classifyLast(run));
    }

    @Test
    void abstentionPhrasesOutsideTheMarkedAnswerDoNotCount() {
        RunBuilder run = new RunBuilder();
        run.say("I cannot determine whether you want economy or business; which one?");
        assertEquals(StepQuality.CORRECT, classifyLast(run).quality(), "a question to the user, not an answer");
    }

    @Test
    void withoutAnAnswerPatternTheWholeTextIsTheAnswer() {
        GroundedStepClassifier plain = new GroundedStepClassifier(
                GroundedConfig.DEFAULTS.withOverrides(PluginConfig.of(Map.of("answer_pattern", ""))));
        RunBuilder run = new RunBuilder();
        run.say("I am unable to determine the answer.");
        assertEquals(StepQuality.INCORRECT, plain.classify(run.last()).quality());
    }

    @Test
    void aPrematureAnswerIsIncorrectWhenEvidenceIsRequired() {
        GroundedStepClassifier careful = new GroundedStepClassifier(
                GroundedConfig.DEFAULTS.withOverrides(PluginConfig.of(Map.of("min_evidence_steps", "1"))));
        RunBuilder run = new RunBuilder();
        run.say("<answer>Paris</answer>");
        assertEquals(
                GroundedStepClassifier.REASON_PREMATURE,
                careful.classify(run.last()).reason());

        RunBuilder searched = new RunBuilder();
        searched.search("capital of france", PASSAGE_A);
        searched.say("<answer>Paris</answer>");
        assertEquals(StepQuality.CORRECT, careful.classify(searched.last()).quality());
    }

    @Test
    void lexicalGroundingJudgesTheAnswerWordsTheTaskDidNotGive() {
        GroundedStepClassifier grounded = new GroundedStepClassifier(
                GroundedConfig.DEFAULTS.withOverrides(PluginConfig.of(Map.of("grounding_min_support", "0.5"))));
        Map<String, Object> task =
                Map.of(GroundedStepClassifier.TASK_PROMPT_KEY, "Which city is the capital of France?");

        RunBuilder supported = new RunBuilder();
        supported.search("capital of france", PASSAGE_A);
        supported.say("<answer>Paris, France</answer>");
        assertEquals(
                StepQuality.CORRECT, grounded.classify(supported.last(task)).quality());

        RunBuilder unsupported = new RunBuilder();
        unsupported.search("capital of france", PASSAGE_A);
        unsupported.say("<answer>Marseille, France</answer>");
        assertEquals(
                GroundedStepClassifier.REASON_UNGROUNDED,
                grounded.classify(unsupported.last(task)).reason(),
                "'france' comes from the task; 'marseille' is in no result");

        RunBuilder onlyTaskWords = new RunBuilder();
        onlyTaskWords.search("capital of france", PASSAGE_B);
        onlyTaskWords.say("<answer>the capital of France</answer>");
        assertEquals(
                StepQuality.CORRECT,
                grounded.classify(onlyTaskWords.last(task)).quality(),
                "no content word beyond the task: too short to judge");
    }

    @Test
    void groundingIsOffByDefault() {
        RunBuilder run = new RunBuilder();
        run.search("capital of france", PASSAGE_A);
        run.say("<answer>Marseille</answer>");
        assertEquals(StepQuality.CORRECT, classifyLast(run).quality());
    }

    @Test
    void aStepWithNeitherTextNorToolsIsNeutral() {
        RunBuilder run = new RunBuilder();
        run.add(Turn.builder(1, FinishReason.STOP).content("   ").build());
        assertSignal(StepQuality.NEUTRAL, 0.7, GroundedStepClassifier.REASON_EMPTY, classifyLast(run));
        Step empty = new Step(3, List.of(), TerminationReason.COMPLETED);
        StepQualitySignal signal = classifier.classify(new StepContext(null, null, null, List.of(), empty, null));
        assertEquals(StepQuality.NEUTRAL, signal.quality());
        assertEquals(3, signal.stepIndex());
        assertEquals(1, signal.turnRange().start());
    }

    @Test
    void theStepOnlyMethodClassifiesWithoutContext() {
        Turn turn = Turn.builder(4, FinishReason.TOOL_USE)
                .toolCall(new ToolCall("search", Map.of("query", "x"), null, new ToolResult(PASSAGE_A, false)))
                .build();
        StepQualitySignal signal = classifier.classify(2, List.of(turn), TerminationReason.COMPLETED, null);
        assertEquals(StepQuality.CORRECT, signal.quality());
        assertEquals(2, signal.stepIndex());
        assertEquals(4, signal.turnRange().start());
    }

    @Test
    void laterStepsNeverChangeAnEarlierLabel() {
        RunBuilder run = new RunBuilder();
        run.search("capital of france", PASSAGE_A);
        StepQualitySignal first = classifyLast(run);
        run.search("france capital city", PASSAGE_A);
        run.say("<answer>Paris</answer>");
        StepContext firstAgain = new StepContext("r", "t", Map.of(), List.of(), run.steps.get(0), null);
        assertEquals(first, classifier.classify(firstAgain));
    }

    @Nested
    class Provider {
        @Test
        void providesTheGroundedClassifierWithOverrides() {
            GroundedStepClassifierProvider provider = new GroundedStepClassifierProvider();
            assertEquals("grounded", provider.name());
            GroundedStepClassifier created =
                    provider.create(PluginConfig.of(Map.of("rule_confidence", "0.9", "tool_markup", "<call>, <fn>")));
            assertEquals(0.9, created.config().ruleConfidence());
            assertEquals(List.of("<call>", "<fn>"), created.config().toolMarkup());
            assertEquals(GroundedConfig.DEFAULTS, provider.create(null).config());
        }

        @Test
        void rejectsBadOverrides() {
            GroundedStepClassifierProvider provider = new GroundedStepClassifierProvider();
            assertEquals(
                    "ruleConfidence must be in [0.0, 1.0], got 1.5",
                    assertThrows(
                                    IllegalArgumentException.class,
                                    () -> provider.create(PluginConfig.of(Map.of("rule_confidence", "1.5"))))
                            .getMessage());
            assertInstanceOf(
                    IllegalArgumentException.class,
                    assertThrows(
                            RuntimeException.class,
                            () -> provider.create(PluginConfig.of(Map.of("answer_pattern", "(unclosed")))));
            assertEquals(
                    "answerPattern must have a capturing group for the answer, got 'ANSWER:.*'",
                    assertThrows(
                                    IllegalArgumentException.class,
                                    () -> provider.create(PluginConfig.of(Map.of("answer_pattern", "ANSWER:.*"))))
                            .getMessage());
        }
    }

    static void assertSignal(StepQuality quality, double confidence, String reason, StepQualitySignal actual) {
        assertEquals(
                quality + " " + confidence + " " + reason,
                actual.quality() + " " + actual.confidence() + " " + actual.reason());
    }
}
