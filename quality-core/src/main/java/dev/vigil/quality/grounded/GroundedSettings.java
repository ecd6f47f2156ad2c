package dev.vigil.quality.grounded;

import dev.vigil.spi.settings.Constraint;
import dev.vigil.spi.settings.Reload;
import dev.vigil.spi.settings.Setting;
import java.util.List;

/**
 * The settings of the {@code grounded} step classifier ({@code engine.classifier.grounded.*}, issue 12), declared next
 * to {@link GroundedConfig}, which reads them. {@code QualitySettings} re-exports each of them and lists them in
 * {@code QualitySettings.all()}. Each key's suffix is also accepted as an override under {@code plugins.grounded.}.
 */
public final class GroundedSettings {

    /** The common key prefix. */
    public static final String PREFIX = "engine.classifier.grounded.";

    /** Confidence of a step a rule matched. */
    public static final Setting<Double> RULE_CONFIDENCE = Setting.ofDouble(
            PREFIX + "rule_confidence",
            0.7,
            Constraint.between(0.0, 1.0),
            Reload.RESTART,
            "Issue 12. Confidence of a step a rule matched (a stagnation TERMINATE verdict keeps the constant 1.0).");

    /** Confidence of a step no rule objected to (labelled CORRECT). */
    public static final Setting<Double> DEFAULT_CONFIDENCE = Setting.ofDouble(
            PREFIX + "default_confidence",
            0.5,
            Constraint.between(0.0, 1.0),
            Reload.RESTART,
            "Issue 12. A step no rule objects to is CORRECT; the absence of a problem is weaker evidence than a"
                    + " matched rule.");

    /** Result novelty below which a tool step found nothing new. */
    public static final Setting<Double> MIN_RESULT_NOVELTY = Setting.ofDouble(
            PREFIX + "min_result_novelty",
            0.5,
            Constraint.between(0.0, 1.0),
            Reload.RESTART,
            "Issue 12. A tool step whose results are less than this share new (word shingles not in the run's earlier"
                    + " results) found nothing new: it is unhelpful. 0 switches the rule off.");

    /** Words per shingle when measuring result novelty. */
    public static final Setting<Integer> NOVELTY_SHINGLE_WORDS = Setting.ofInt(
            PREFIX + "novelty_shingle_words",
            5,
            Constraint.intBetween(1, 50),
            Reload.RESTART,
            "Issue 12. Words per shingle for result novelty: 5-word shingles tell a repeated passage from a new one"
                    + " that merely shares vocabulary.");

    /** Argument similarity at or above which a call repeats an earlier one. */
    public static final Setting<Double> NEAR_DUPLICATE_SIMILARITY = Setting.ofDouble(
            PREFIX + "near_duplicate_similarity",
            0.8,
            Constraint.aboveAtMost(0.0, 1.0),
            Reload.RESTART,
            "Issue 12. A call whose argument words overlap an earlier call of the same tool at least this much (Jaccard)"
                    + " repeats it; it counts as unhelpful when its result is not recorded.");

    /** Unhelpful steps a run may take before the next one counts as INCORRECT. */
    public static final Setting<Integer> STALL_TOLERANCE = Setting.ofInt(
            PREFIX + "stall_tolerance",
            1,
            Constraint.intAtLeast(0),
            Reload.RESTART,
            "Issue 12. One unhelpful search is exploration (NEUTRAL); an unhelpful step after this many earlier ones is"
                    + " a stall (INCORRECT).");

    /** Whether an answer right after an unhelpful or failed tool step is INCORRECT. */
    public static final Setting<Boolean> ANSWER_AFTER_STALL = Setting.ofBool(
            PREFIX + "answer_after_stall",
            true,
            Reload.RESTART,
            "Issue 12. An answer given right after a tool step that failed or found nothing new rests on no fresh"
                    + " evidence: a guess.");

    /** Regular expression whose first group is the step's marked final answer. */
    public static final Setting<String> ANSWER_PATTERN = Setting.ofString(
            PREFIX + "answer_pattern",
            "<answer>(.*?)</answer>",
            Reload.RESTART,
            "Issue 12. Marks a final answer in the model's text (first group, last match); empty means no marker,"
                    + " the whole text of a step without tool calls is the answer.");

    /** Comma-separated markers of a tool call written as text. */
    public static final Setting<String> TOOL_MARKUP = Setting.ofString(
            PREFIX + "tool_markup",
            "<tool_call>,<function_call>,<function=",
            Reload.RESTART,
            "Issue 12. Text that writes a tool call the host never executed (no structured call, no marked answer) is a"
                    + " wasted step: INCORRECT. Comma-separated; empty switches the rule off.");

    /** Comma-separated phrases of an answer that gives up. */
    public static final Setting<String> ABSTENTION_PHRASES = Setting.ofString(
            PREFIX + "abstention_phrases",
            "unable to determine,cannot determine,cannot be determined,not enough information,insufficient"
                    + " information,no clear information",
            Reload.RESTART,
            "Issue 12. A marked answer that says it cannot answer fails the task: INCORRECT. Comma-separated,"
                    + " case-insensitive; empty switches the rule off.");

    /** Share of an answer's words the tool results must contain. */
    public static final Setting<Double> GROUNDING_MIN_SUPPORT = Setting.ofDouble(
            PREFIX + "grounding_min_support",
            0.0,
            Constraint.between(0.0, 1.0),
            Reload.RESTART,
            "Issue 12. An answer whose content words (beyond the task's own) appear in the tool results less than this"
                    + " share is unsupported: INCORRECT. Off (0) by default: on the development data it marked more"
                    + " right answers (from the model's own knowledge) than wrong ones.");

    /** Content words an answer needs before grounding is judged. */
    public static final Setting<Integer> GROUNDING_MIN_WORDS = Setting.ofInt(
            PREFIX + "grounding_min_words",
            1,
            Constraint.intAtLeast(1),
            Reload.RESTART,
            "Issue 12. Grounding is judged only for answers with at least this many content words not in the task.");

    /** Tool steps a run needs before its answer is not premature. */
    public static final Setting<Integer> MIN_EVIDENCE_STEPS = Setting.ofInt(
            PREFIX + "min_evidence_steps",
            0,
            Constraint.intAtLeast(0),
            Reload.RESTART,
            "Issue 12. An answer before this many successful tool steps is premature: INCORRECT. Off (0) by default:"
                    + " on the development data most answers from the model's own knowledge were right.");

    private static final List<Setting<?>> ALL = List.of(
            RULE_CONFIDENCE,
            DEFAULT_CONFIDENCE,
            MIN_RESULT_NOVELTY,
            NOVELTY_SHINGLE_WORDS,
            NEAR_DUPLICATE_SIMILARITY,
            STALL_TOLERANCE,
            ANSWER_AFTER_STALL,
            ANSWER_PATTERN,
            TOOL_MARKUP,
            ABSTENTION_PHRASES,
            GROUNDING_MIN_SUPPORT,
            GROUNDING_MIN_WORDS,
            MIN_EVIDENCE_STEPS);

    private GroundedSettings() {}

    /** Every setting of the grounded classifier, in documentation order. */
    public static List<Setting<?>> all() {
        return ALL;
    }
}
