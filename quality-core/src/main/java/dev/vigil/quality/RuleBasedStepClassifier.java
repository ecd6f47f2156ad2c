package dev.vigil.quality;

import dev.vigil.quality.internal.Checks;
import dev.vigil.spi.model.FinishReason;
import dev.vigil.spi.model.StagnationResult;
import dev.vigil.spi.model.StagnationVerdict;
import dev.vigil.spi.model.StepQuality;
import dev.vigil.spi.model.StepQualitySignal;
import dev.vigil.spi.model.TerminationReason;
import dev.vigil.spi.model.Turn;
import dev.vigil.spi.model.TurnRange;
import dev.vigil.spi.plugin.StepClassifier;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in step classifier ({@code rule_based}, quality.md §1.2): labels a step from what is visible in its turns,
 * with no LLM call. The rules run in this order and the first match wins:
 *
 * <ol>
 *   <li><b>Stagnation.</b> If the stagnation detector told the agent to stop (verdict TERMINATE) at this step, the
 *       step is INCORRECT with the definitive confidence 1.0. The verdict comes from Vigil's own detector, run just
 *       before the classifier (decision D7), so this rule is live; an INJECT_PROMPT verdict does not count.
 *   <li><b>Error.</b> If the step ended with termination reason ERROR (2a), or its last turn's LLM call finished with
 *       ERROR (2b; a content-filter stop does not count), the step is INCORRECT.
 *   <li><b>Progress.</b> If the step completed and at least one of its turns called a tool, the step is CORRECT.
 *   <li><b>Fallback.</b> Otherwise the step is NEUTRAL with the fallback confidence: an empty step, a step without
 *       tool calls, or an exploratory step that used tools but did not complete (e.g. ran out of turns).
 * </ol>
 *
 * Rules 2a, 2b and 3 carry {@link ClassifierConfig#ruleMatchedConfidence()}. Each classification is logged at debug
 * level as {@code vigil.quality.step_classified}. The classifier is stateless and thread-safe.
 */
public final class RuleBasedStepClassifier implements StepClassifier {

    /** The provider and classifier name; reserved for the built-in. */
    public static final String NAME = "rule_based";

    /** Confidence of a stagnation TERMINATE verdict: definitive, a constant (settings.md §9), not a setting. */
    public static final double DEFINITIVE_CONFIDENCE = 1.0;

    /** Reason of rule 1. */
    public static final String REASON_STAGNATION = "Step terminated by stagnation detection";

    /** Reason of rule 2a. */
    public static final String REASON_STEP_ERROR = "Step terminated with ERROR";

    /** Reason of rule 2b. */
    public static final String REASON_FINAL_TURN_ERROR = "Final turn finished with error";

    /** Reason of rule 3. */
    public static final String REASON_TOOL_PROGRESS = "Step completed with tool calls";

    /** Reason of rule 4 for a step without turns. */
    public static final String REASON_EMPTY = "Empty step (no turns executed)";

    /** Reason of rule 4 when no turn called a tool (also when the step did not complete). */
    public static final String REASON_NO_TOOLS = "Step completed without tool calls";

    /** Reason of rule 4 for a step that used tools but did not complete. */
    public static final String REASON_EXPLORATORY = "Exploratory step (no definitive outcome signal)";

    /** The turn range reported for a step without turns. */
    private static final int EMPTY_STEP_TURN = 1;

    private static final Logger LOG = LoggerFactory.getLogger(RuleBasedStepClassifier.class);

    private final ClassifierConfig config;

    /** A classifier with the settings.md defaults (0.7 / 0.5). */
    public RuleBasedStepClassifier() {
        this(ClassifierConfig.DEFAULTS);
    }

    /** A classifier with the given confidences. */
    public RuleBasedStepClassifier(ClassifierConfig config) {
        this.config = Checks.required(config, "config");
    }

    /** The confidences in use. */
    public ClassifierConfig config() {
        return config;
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Labels one step; never returns null.
     *
     * @param stepIndex 0-based step index, {@code >= 0}
     * @param turns the step's turns in order (may be empty, no null elements)
     * @param terminationReason why the step ended (required)
     * @param stagnation this step's stagnation verdict, or null when stagnation detection is off
     * @throws IllegalArgumentException on a negative step index, null turns or a null termination reason
     */
    @Override
    public StepQualitySignal classify(
            int stepIndex, List<Turn> turns, TerminationReason terminationReason, StagnationResult stagnation) {
        Checks.nonNegative(stepIndex, "stepIndex");
        Checks.required(turns, "turns");
        Checks.required(terminationReason, "terminationReason");
        TurnRange range = turnRange(turns);
        StepQualitySignal signal = applyRules(stepIndex, turns, terminationReason, stagnation, range);
        LOG.atDebug()
                .setMessage(QualityEvents.STEP_CLASSIFIED)
                .addKeyValue("step_index", stepIndex)
                .addKeyValue("quality", signal.quality().wireName())
                .addKeyValue("confidence", signal.confidence())
                .addKeyValue("reason", signal.reason())
                .addKeyValue("turn_range", range.start() + "-" + range.end())
                .log();
        return signal;
    }

    private StepQualitySignal applyRules(
            int stepIndex,
            List<Turn> turns,
            TerminationReason terminationReason,
            StagnationResult stagnation,
            TurnRange range) {
        // Rule 1: a definitive stagnation verdict beats everything, errors included.
        if (stagnation != null && stagnation.verdict() == StagnationVerdict.TERMINATE) {
            return signal(StepQuality.INCORRECT, DEFINITIVE_CONFIDENCE, REASON_STAGNATION, stepIndex, range);
        }
        // Rule 2a: the step itself ended in error.
        if (terminationReason == TerminationReason.ERROR) {
            return signal(StepQuality.INCORRECT, config.ruleMatchedConfidence(), REASON_STEP_ERROR, stepIndex, range);
        }
        // Rule 2b: the step's last LLM call failed; a later recovery would be a later step.
        if (!turns.isEmpty() && turns.get(turns.size() - 1).finishReason() == FinishReason.ERROR) {
            return signal(
                    StepQuality.INCORRECT, config.ruleMatchedConfidence(), REASON_FINAL_TURN_ERROR, stepIndex, range);
        }
        boolean usedTools = turns.stream().anyMatch(turn -> !turn.toolCalls().isEmpty());
        // Rule 3: completed work that touched the environment counts as progress.
        if (terminationReason == TerminationReason.COMPLETED && usedTools) {
            return signal(StepQuality.CORRECT, config.ruleMatchedConfidence(), REASON_TOOL_PROGRESS, stepIndex, range);
        }
        // Rule 4: no evidence either way.
        String reason = turns.isEmpty() ? REASON_EMPTY : usedTools ? REASON_EXPLORATORY : REASON_NO_TOOLS;
        return signal(StepQuality.NEUTRAL, config.fallbackConfidence(), reason, stepIndex, range);
    }

    /**
     * The step's turn range: (first turnNumber, last turnNumber), or (1, 1) for a step without turns. Step validation
     * guarantees increasing turn numbers; min/max gives the same answer there and stays valid on unordered input.
     */
    static TurnRange turnRange(List<Turn> turns) {
        if (turns.isEmpty()) {
            return new TurnRange(EMPTY_STEP_TURN, EMPTY_STEP_TURN);
        }
        int first = Objects.requireNonNull(turns.get(0), "turns must not contain null")
                .turnNumber();
        int last = Objects.requireNonNull(turns.get(turns.size() - 1), "turns must not contain null")
                .turnNumber();
        return new TurnRange(Math.min(first, last), Math.max(first, last));
    }

    private static StepQualitySignal signal(
            StepQuality quality, double confidence, String reason, int stepIndex, TurnRange range) {
        return new StepQualitySignal(quality, confidence, reason, stepIndex, range);
    }
}
