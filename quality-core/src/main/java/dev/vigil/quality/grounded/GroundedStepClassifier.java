package dev.vigil.quality.grounded;

import dev.vigil.spi.model.FinishReason;
import dev.vigil.spi.model.StagnationResult;
import dev.vigil.spi.model.StagnationVerdict;
import dev.vigil.spi.model.Step;
import dev.vigil.spi.model.StepQuality;
import dev.vigil.spi.model.StepQualitySignal;
import dev.vigil.spi.model.TerminationReason;
import dev.vigil.spi.model.ToolCall;
import dev.vigil.spi.model.ToolResult;
import dev.vigil.spi.model.Turn;
import dev.vigil.spi.model.TurnRange;
import dev.vigil.spi.plugin.StepClassifier;
import dev.vigil.spi.plugin.StepContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code grounded} step classifier (issue 12): labels a step from what the trace holds, with no LLM call. It reads
 * the step's tool calls and results, the model's text, the run's earlier steps and the task prompt (run metadata
 * {@value #TASK_PROMPT_KEY}). The rules run in this order; the first match wins.
 *
 * <ol>
 *   <li><b>Stagnation.</b> A TERMINATE verdict makes the step INCORRECT (confidence 1.0): Vigil's own detector said
 *       stop.
 *   <li><b>Error.</b> A step that ended with ERROR, whose last turn finished with ERROR, or one of whose tool results
 *       is an error, is INCORRECT: the action failed.
 *   <li><b>Unexecuted tool call.</b> A step without tool calls whose text writes one (e.g. {@code <tool_call>}) and
 *       gives no marked answer is INCORRECT: the host never ran it, so the turn was wasted.
 *   <li><b>Unhelpful tool step.</b> A tool step whose results are empty, or mostly already seen in the run (result
 *       novelty below {@code min_result_novelty}; without recorded results: a near-duplicate of an earlier call),
 *       found nothing new: NEUTRAL the first time (exploration), INCORRECT once {@code stall_tolerance} earlier steps
 *       were already unhelpful (a stall).
 *   <li><b>Useful tool step.</b> Any other tool step is CORRECT: it gathered new evidence (or recovered from an error).
 *   <li><b>Abstention.</b> A marked answer that says it cannot answer is INCORRECT: it fails the task.
 *   <li><b>Answer after a stall.</b> An answer right after a tool step that failed or found nothing new is INCORRECT:
 *       it rests on no fresh evidence.
 *   <li><b>Premature answer</b> (off by default). An answer before {@code min_evidence_steps} successful tool steps is
 *       INCORRECT.
 *   <li><b>Ungrounded answer</b> (off by default). An answer whose content words, beyond the task's own, appear in the
 *       tool results less than {@code grounding_min_support} is INCORRECT.
 *   <li><b>Answer.</b> Any other step with text is CORRECT with the default confidence; a step with neither text nor
 *       tool calls is NEUTRAL.
 * </ol>
 *
 * The classifier looks only at earlier steps, never later ones, so it gives the same labels live and offline. It is
 * stateless and thread-safe; each classification is logged at debug level as {@code vigil.quality.step_classified}.
 */
public final class GroundedStepClassifier implements StepClassifier {

    /** The provider and classifier name; reserved for this built-in. */
    public static final String NAME = "grounded";

    /** Run-metadata key of the task's prompt (the user's question), as ingesters record it. */
    public static final String TASK_PROMPT_KEY = "task_prompt";

    /** Confidence of a stagnation TERMINATE verdict: definitive, a constant as for {@code rule_based}. */
    public static final double DEFINITIVE_CONFIDENCE = 1.0;

    public static final String REASON_STAGNATION = "Step terminated by stagnation detection";
    public static final String REASON_ERROR = "Step failed: the model or a tool reported an error";
    public static final String REASON_UNEXECUTED_TOOL_CALL = "Tool call written as text but never executed";
    public static final String REASON_STALLED = "Tool step found nothing new again: the search stalled";
    public static final String REASON_UNHELPFUL = "Tool step found nothing new";
    public static final String REASON_NEW_EVIDENCE = "Tool step returned new evidence";
    public static final String REASON_RECOVERED = "Tool step succeeded after an earlier error";
    public static final String REASON_ABSTAINED = "Answer gives up on the question";
    public static final String REASON_ANSWER_AFTER_STALL =
            "Answer given right after a tool step that failed or found nothing new";
    public static final String REASON_PREMATURE = "Answer given before gathering evidence";
    public static final String REASON_UNGROUNDED = "Answer not supported by the tool results";
    public static final String REASON_ANSWER = "Answer or message with no objection";
    public static final String REASON_EMPTY = "Empty step (no text, no tool calls)";

    private static final String STEP_CLASSIFIED = "vigil.quality.step_classified";
    private static final int EMPTY_STEP_TURN = 1;
    private static final Logger LOG = LoggerFactory.getLogger(GroundedStepClassifier.class);

    private final GroundedConfig config;

    /** Per analysing thread: the history of the run it classified last (see {@link #historyFor}). */
    private final ThreadLocal<CachedHistory> lastHistory = new ThreadLocal<>();

    private final Pattern answerPattern;

    /** A classifier with the {@link GroundedSettings} defaults. */
    public GroundedStepClassifier() {
        this(GroundedConfig.DEFAULTS);
    }

    /** A classifier with the given thresholds. */
    public GroundedStepClassifier(GroundedConfig config) {
        this.config = Objects.requireNonNull(config, "config must not be null");
        this.answerPattern =
                config.answerPattern().isEmpty() ? null : Pattern.compile(config.answerPattern(), Pattern.DOTALL);
    }

    /** The thresholds in use. */
    public GroundedConfig config() {
        return config;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Classifies a step without run context (no earlier steps, no task prompt). */
    @Override
    public StepQualitySignal classify(
            int stepIndex, List<Turn> turns, TerminationReason terminationReason, StagnationResult stagnation) {
        return classify(new StepContext(
                null, null, null, List.of(), new Step(stepIndex, turns, terminationReason), stagnation));
    }

    /** Classifies a step with its run context; never returns null. */
    @Override
    public StepQualitySignal classify(StepContext context) {
        Objects.requireNonNull(context, "context must not be null");
        Step step = context.step();
        TurnRange range = turnRange(step.turns());
        StepQualitySignal signal = applyRules(context, range);
        LOG.atDebug()
                .setMessage(STEP_CLASSIFIED)
                .addKeyValue("classifier", NAME)
                .addKeyValue("step_index", step.stepIndex())
                .addKeyValue("quality", signal.quality().wireName())
                .addKeyValue("confidence", signal.confidence())
                .addKeyValue("reason", signal.reason())
                .addKeyValue("turn_range", range.start() + "-" + range.end())
                .log();
        return signal;
    }

    /**
     * The history of the run being classified. Steps arrive in order, one run at a time per analysing thread, so the
     * history of the previous call is reused and only the steps added since are folded in: linear in the run's length
     * instead of replaying the whole run at every step. Anything else (another run, a step asked out of order) simply
     * rebuilds it from the context.
     */
    private History historyFor(StepContext context) {
        List<Step> previous = context.previousSteps();
        CachedHistory cached = lastHistory.get();
        History history;
        int from;
        if (cached != null
                && context.runId() != null
                && context.runId().equals(cached.runId())
                && cached.folded() <= previous.size()
                && (cached.folded() == 0 || previous.get(cached.folded() - 1).equals(cached.lastFolded()))) {
            history = cached.history();
            from = cached.folded();
        } else {
            history = new History(config);
            from = 0;
        }
        for (int i = from; i < previous.size(); i++) {
            Step earlier = previous.get(i);
            history.record(earlier, history.assess(earlier));
        }
        lastHistory.set(new CachedHistory(
                context.runId(),
                previous.size(),
                previous.isEmpty() ? null : previous.get(previous.size() - 1),
                history));
        return history;
    }

    /** The history after folding {@code folded} steps of run {@code runId}, the last of them {@code lastFolded}. */
    private record CachedHistory(String runId, int folded, Step lastFolded, History history) {}

    private StepQualitySignal applyRules(StepContext context, TurnRange range) {
        Step step = context.step();
        int index = step.stepIndex();
        StagnationResult stagnation = context.stagnation();
        if (stagnation != null && stagnation.verdict() == StagnationVerdict.TERMINATE) {
            return signal(StepQuality.INCORRECT, DEFINITIVE_CONFIDENCE, REASON_STAGNATION, index, range);
        }
        History history = historyFor(context);
        Outcome outcome = history.assess(step);
        if (outcome == Outcome.FAILED) {
            return matched(StepQuality.INCORRECT, REASON_ERROR, index, range);
        }
        if (outcome == Outcome.UNHELPFUL) {
            return history.unhelpfulSteps >= config.stallTolerance()
                    ? matched(StepQuality.INCORRECT, REASON_STALLED, index, range)
                    : matched(StepQuality.NEUTRAL, REASON_UNHELPFUL, index, range);
        }
        if (outcome == Outcome.USEFUL) {
            String reason = history.last == Outcome.FAILED ? REASON_RECOVERED : REASON_NEW_EVIDENCE;
            return signal(StepQuality.CORRECT, config.defaultConfidence(), reason, index, range);
        }
        // No tool calls: a message or an answer.
        String text = text(step.turns());
        if (text.isBlank()) {
            return matched(StepQuality.NEUTRAL, REASON_EMPTY, index, range);
        }
        String marked = markedAnswer(text);
        if (marked == null && containsAny(text, config.toolMarkup())) {
            return matched(StepQuality.INCORRECT, REASON_UNEXECUTED_TOOL_CALL, index, range);
        }
        String answer = marked != null ? marked : text;
        if ((marked != null || answerPattern == null) && containsAny(answer, config.abstentionPhrases())) {
            return matched(StepQuality.INCORRECT, REASON_ABSTAINED, index, range);
        }
        if (config.answerAfterStall() && (history.last == Outcome.UNHELPFUL || history.last == Outcome.FAILED)) {
            return matched(StepQuality.INCORRECT, REASON_ANSWER_AFTER_STALL, index, range);
        }
        if (config.minEvidenceSteps() > 0 && history.usefulSteps < config.minEvidenceSteps()) {
            return matched(StepQuality.INCORRECT, REASON_PREMATURE, index, range);
        }
        if (config.groundingMinSupport() > 0.0 && !history.resultWords.isEmpty()) {
            Double support = support(answer, history.resultWords, taskWords(context));
            if (support != null && support < config.groundingMinSupport()) {
                return matched(StepQuality.INCORRECT, REASON_UNGROUNDED, index, range);
            }
        }
        return signal(StepQuality.CORRECT, config.defaultConfidence(), REASON_ANSWER, index, range);
    }

    /**
     * The share of the answer's content words (not stop words, not in the task prompt) found in the tool results, or
     * null when the answer has fewer than {@code grounding_min_words} such words.
     */
    private Double support(String answer, Set<String> resultWords, Set<String> taskWords) {
        Set<String> content = new HashSet<>();
        for (String word : Lexicon.words(answer)) {
            if (!Lexicon.STOP_WORDS.contains(word) && !taskWords.contains(word)) {
                content.add(word);
            }
        }
        if (content.size() < config.groundingMinWords()) {
            return null;
        }
        long supported = content.stream().filter(resultWords::contains).count();
        return supported / (double) content.size();
    }

    private static Set<String> taskWords(StepContext context) {
        Object prompt = context.runMetadata().get(TASK_PROMPT_KEY);
        return prompt instanceof String text ? new HashSet<>(Lexicon.words(text)) : Set.of();
    }

    /** The first group of the last match of the answer pattern, or null when there is no marker or no match. */
    private String markedAnswer(String text) {
        if (answerPattern == null) {
            return null;
        }
        Matcher matcher = answerPattern.matcher(text);
        String answer = null;
        while (matcher.find()) {
            answer = matcher.group(1) == null ? "" : matcher.group(1);
        }
        return answer;
    }

    private static boolean containsAny(String text, List<String> phrases) {
        if (phrases.isEmpty()) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        for (String phrase : phrases) {
            if (lower.contains(phrase)) {
                return true;
            }
        }
        return false;
    }

    private static String text(List<Turn> turns) {
        StringBuilder text = new StringBuilder();
        for (Turn turn : turns) {
            if (turn.content() != null && !turn.content().isBlank()) {
                if (text.length() > 0) {
                    text.append('\n');
                }
                text.append(turn.content());
            }
        }
        return text.toString();
    }

    private StepQualitySignal matched(StepQuality quality, String reason, int index, TurnRange range) {
        return signal(quality, config.ruleConfidence(), reason, index, range);
    }

    private static StepQualitySignal signal(
            StepQuality quality, double confidence, String reason, int index, TurnRange range) {
        return new StepQualitySignal(quality, confidence, reason, index, range);
    }

    private static TurnRange turnRange(List<Turn> turns) {
        if (turns.isEmpty()) {
            return new TurnRange(EMPTY_STEP_TURN, EMPTY_STEP_TURN);
        }
        return new TurnRange(
                turns.get(0).turnNumber(), turns.get(turns.size() - 1).turnNumber());
    }

    /** What a step's tool use achieved. */
    enum Outcome {
        /** The step made no tool call. */
        NO_TOOLS,
        /** The step failed (error). */
        FAILED,
        /** The step's tool calls found nothing new. */
        UNHELPFUL,
        /** The step's tool calls found something new. */
        USEFUL
    }

    /** What the run's earlier steps saw and did, folded in order. */
    private static final class History {
        final GroundedConfig config;
        final Set<Long> seenShingles = new HashSet<>();
        final Set<String> resultWords = new HashSet<>();
        final List<EarlierCall> calls = new ArrayList<>();
        int unhelpfulSteps;
        int usefulSteps;
        /** The outcome of the step right before the one being classified (NO_TOOLS for the first). */
        Outcome last = Outcome.NO_TOOLS;

        private History(GroundedConfig config) {
            this.config = config;
        }

        /** Judges {@code step}'s tool use against what came before, without recording it. */
        Outcome assess(Step step) {
            List<ToolCall> stepCalls = new ArrayList<>();
            step.turns().forEach(turn -> stepCalls.addAll(turn.toolCalls()));
            if (failed(step, stepCalls)) {
                return Outcome.FAILED;
            }
            if (stepCalls.isEmpty()) {
                return Outcome.NO_TOOLS;
            }
            List<String> results = new ArrayList<>();
            for (ToolCall call : stepCalls) {
                if (call.result() != null) {
                    results.add(call.result().content());
                }
            }
            if (results.isEmpty()) {
                // Nothing recorded of what came back: a repeated call is the only sign of a wasted step.
                return stepCalls.stream().anyMatch(this::repeats) ? Outcome.UNHELPFUL : Outcome.USEFUL;
            }
            if (results.stream().allMatch(Lexicon::isEmptyResult)) {
                return Outcome.UNHELPFUL;
            }
            if (config.minResultNovelty() > 0.0 && novelty(results) < config.minResultNovelty()) {
                return Outcome.UNHELPFUL;
            }
            return Outcome.USEFUL;
        }

        private static boolean failed(Step step, List<ToolCall> calls) {
            if (step.terminationReason() == TerminationReason.ERROR) {
                return true;
            }
            List<Turn> turns = step.turns();
            if (!turns.isEmpty() && turns.get(turns.size() - 1).finishReason() == FinishReason.ERROR) {
                return true;
            }
            for (ToolCall call : calls) {
                ToolResult result = call.result();
                if (result != null && result.error()) {
                    return true;
                }
            }
            return false;
        }

        /** The share of the results' shingles not seen in earlier results of the run. */
        private double novelty(List<String> results) {
            Set<Long> shingles = new HashSet<>();
            for (String result : results) {
                shingles.addAll(Lexicon.shingles(Lexicon.words(result), config.noveltyShingleWords()));
            }
            if (shingles.isEmpty()) {
                return 0.0;
            }
            long fresh =
                    shingles.stream().filter(s -> !seenShingles.contains(s)).count();
            return fresh / (double) shingles.size();
        }

        private boolean repeats(ToolCall call) {
            Set<String> words = Lexicon.argumentWords(call.arguments());
            for (EarlierCall earlier : calls) {
                if (earlier.name().equals(call.name())
                        && Lexicon.jaccard(earlier.words(), words) >= config.nearDuplicateSimilarity()) {
                    return true;
                }
            }
            return false;
        }

        private void record(Step step, Outcome outcome) {
            for (Turn turn : step.turns()) {
                for (ToolCall call : turn.toolCalls()) {
                    calls.add(new EarlierCall(call.name(), Lexicon.argumentWords(call.arguments())));
                    ToolResult result = call.result();
                    if (result != null && !result.error()) {
                        List<String> words = Lexicon.words(result.content());
                        seenShingles.addAll(Lexicon.shingles(words, config.noveltyShingleWords()));
                        resultWords.addAll(words);
                    }
                }
            }
            if (outcome == Outcome.UNHELPFUL) {
                unhelpfulSteps++;
            } else if (outcome == Outcome.USEFUL) {
                usefulSteps++;
            }
            last = outcome;
        }
    }

    /** An earlier call: its tool and the words of its argument values. */
    private record EarlierCall(String name, Set<String> words) {}
}
