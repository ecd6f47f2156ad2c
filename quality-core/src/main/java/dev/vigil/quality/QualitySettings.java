package dev.vigil.quality;

import dev.vigil.quality.feedback.FeedbackSettings;
import dev.vigil.quality.grounded.GroundedSettings;
import dev.vigil.quality.grounded.GroundedStepClassifier;
import dev.vigil.quality.verification.DecomposerVariant;
import dev.vigil.quality.verification.GraderVariant;
import dev.vigil.quality.verification.VerificationSettings;
import dev.vigil.spi.settings.Constraint;
import dev.vigil.spi.settings.Reload;
import dev.vigil.spi.settings.Setting;
import java.util.List;

/**
 * Every setting of {@code quality-core} (settings.md §2): key, default, range, reload mode and rationale. The
 * assembly resolves them; this module's config records ({@link ClassifierConfig}, {@link RunQualityConfig},
 * {@code HeuristicGraderConfig}, {@code VerificationConfig}, {@code ScoredFeedbackConfig}) read them through their
 * {@code from(Settings)} factories.
 *
 * <p>The classifier and per-run settings are declared here. The settings of the sub-packages are declared next to the
 * code that reads them ({@link VerificationSettings}, {@link FeedbackSettings}), so that no sub-package depends on
 * this one; the constants below are aliases of those (the very same {@link Setting} instances). The same holds for the
 * {@code grounded} classifier's thresholds ({@link GroundedSettings}).
 */
public final class QualitySettings {

    /**
     * Which classifier runs, by provider name. Issue 12: the default is {@code grounded}, which beats the seed's
     * {@code rule_based} on the development data; {@code rule_based} stays available as the faithful reference.
     */
    public static final Setting<String> CLASSIFIER_NAME = Setting.ofString(
            "engine.classifier.name",
            GroundedStepClassifier.NAME,
            Reload.RESTART,
            "Which StepClassifier runs; plugins add names. Issue 12: grounded is the default because it beats"
                    + " rule_based on the development data (AgentProcessBench HotpotQA subset: StepAcc 85.8 % vs"
                    + " 48.0 %, FirstErrAcc 78.0 % vs 60.0 %); rule_based stays available as the seed's reference.");

    /** Confidence of the rule-based classifier when a rule (2a, 2b, 3) matches. */
    public static final Setting<Double> RULE_MATCHED_CONFIDENCE = Setting.ofDouble(
            "engine.classifier.rule_matched_confidence",
            0.7,
            Constraint.between(0.0, 1.0),
            Reload.RESTART,
            "Confidence of a matched rule (2a, 2b, 3). A definitive stagnation verdict gets the constant 1.0.");

    /** Confidence of the rule-based classifier's NEUTRAL fallback. */
    public static final Setting<Double> FALLBACK_CONFIDENCE = Setting.ofDouble(
            "engine.classifier.fallback_confidence",
            0.5,
            Constraint.between(0.0, 1.0),
            Reload.RESTART,
            "The NEUTRAL fallback carries no evidence either way.");

    /** Grounded classifier: confidence of a matched rule. Alias of {@link GroundedSettings#RULE_CONFIDENCE}. */
    public static final Setting<Double> GROUNDED_RULE_CONFIDENCE = GroundedSettings.RULE_CONFIDENCE;

    /** Grounded classifier: confidence of an unobjected step. Alias of {@link GroundedSettings#DEFAULT_CONFIDENCE}. */
    public static final Setting<Double> GROUNDED_DEFAULT_CONFIDENCE = GroundedSettings.DEFAULT_CONFIDENCE;

    /** Grounded classifier: result novelty threshold. Alias of {@link GroundedSettings#MIN_RESULT_NOVELTY}. */
    public static final Setting<Double> GROUNDED_MIN_RESULT_NOVELTY = GroundedSettings.MIN_RESULT_NOVELTY;

    /** Grounded classifier: words per shingle. Alias of {@link GroundedSettings#NOVELTY_SHINGLE_WORDS}. */
    public static final Setting<Integer> GROUNDED_NOVELTY_SHINGLE_WORDS = GroundedSettings.NOVELTY_SHINGLE_WORDS;

    /** Grounded classifier: near-duplicate call threshold. Alias of {@link GroundedSettings#NEAR_DUPLICATE_SIMILARITY}. */
    public static final Setting<Double> GROUNDED_NEAR_DUPLICATE_SIMILARITY = GroundedSettings.NEAR_DUPLICATE_SIMILARITY;

    /** Grounded classifier: unhelpful steps tolerated. Alias of {@link GroundedSettings#STALL_TOLERANCE}. */
    public static final Setting<Integer> GROUNDED_STALL_TOLERANCE = GroundedSettings.STALL_TOLERANCE;

    /** Grounded classifier: answer-after-stall rule. Alias of {@link GroundedSettings#ANSWER_AFTER_STALL}. */
    public static final Setting<Boolean> GROUNDED_ANSWER_AFTER_STALL = GroundedSettings.ANSWER_AFTER_STALL;

    /** Grounded classifier: the marked-answer pattern. Alias of {@link GroundedSettings#ANSWER_PATTERN}. */
    public static final Setting<String> GROUNDED_ANSWER_PATTERN = GroundedSettings.ANSWER_PATTERN;

    /** Grounded classifier: tool-call markup written as text. Alias of {@link GroundedSettings#TOOL_MARKUP}. */
    public static final Setting<String> GROUNDED_TOOL_MARKUP = GroundedSettings.TOOL_MARKUP;

    /** Grounded classifier: phrases of an answer that gives up. Alias of {@link GroundedSettings#ABSTENTION_PHRASES}. */
    public static final Setting<String> GROUNDED_ABSTENTION_PHRASES = GroundedSettings.ABSTENTION_PHRASES;

    /** Grounded classifier: lexical grounding threshold. Alias of {@link GroundedSettings#GROUNDING_MIN_SUPPORT}. */
    public static final Setting<Double> GROUNDED_GROUNDING_MIN_SUPPORT = GroundedSettings.GROUNDING_MIN_SUPPORT;

    /** Grounded classifier: words needed for grounding. Alias of {@link GroundedSettings#GROUNDING_MIN_WORDS}. */
    public static final Setting<Integer> GROUNDED_GROUNDING_MIN_WORDS = GroundedSettings.GROUNDING_MIN_WORDS;

    /** Grounded classifier: premature-answer threshold. Alias of {@link GroundedSettings#MIN_EVIDENCE_STEPS}. */
    public static final Setting<Integer> GROUNDED_MIN_EVIDENCE_STEPS = GroundedSettings.MIN_EVIDENCE_STEPS;

    /** Weak-model trap: the most steps a run may have for the trap to fire. */
    public static final Setting<Integer> WEAK_MODEL_MAX_STEPS = Setting.ofInt(
            "engine.quality.weak_model_max_steps",
            2,
            Constraint.intAtLeast(1),
            Reload.LIVE,
            "Weak-model trap: runs this short with high accuracy are suspected of quitting early.");

    /** Weak-model trap: the accuracy at or above which the trap fires. */
    public static final Setting<Double> WEAK_MODEL_MIN_ACCURACY = Setting.ofDouble(
            "engine.quality.weak_model_min_accuracy",
            0.8,
            Constraint.between(0.0, 1.0),
            Reload.LIVE,
            "Accuracy at or above which the trap warning fires.");

    /** Prompt-token share of task tokens above which reports flag overhead (strictly above). */
    public static final Setting<Double> PROMPT_TOKEN_RATIO_WARN = Setting.ofDouble(
            "engine.quality.prompt_token_ratio_warn",
            0.3,
            Constraint.between(0.0, 1.0),
            Reload.LIVE,
            "Prompt overhead above 30 % of task tokens is flagged in reports (advisory).");

    /**
     * Heuristic grader: probe-match ratio at or above which the run earns PASS. Alias of {@link
     * VerificationSettings#HEURISTIC_PASS_THRESHOLD}.
     */
    public static final Setting<Double> HEURISTIC_PASS_THRESHOLD = VerificationSettings.HEURISTIC_PASS_THRESHOLD;

    /** Heuristic grader: per-criterion grade on pass. Alias of {@link VerificationSettings#HEURISTIC_PASS_GRADE}. */
    public static final Setting<Double> HEURISTIC_PASS_GRADE = VerificationSettings.HEURISTIC_PASS_GRADE;

    /** Heuristic grader: per-criterion grade on fail. Alias of {@link VerificationSettings#HEURISTIC_FAIL_GRADE}. */
    public static final Setting<Double> HEURISTIC_FAIL_GRADE = VerificationSettings.HEURISTIC_FAIL_GRADE;

    /** Heuristic grader: the maximum confidence. Alias of {@link VerificationSettings#HEURISTIC_CONFIDENCE_CEILING}. */
    public static final Setting<Double> HEURISTIC_CONFIDENCE_CEILING =
            VerificationSettings.HEURISTIC_CONFIDENCE_CEILING;

    /** Heuristic grader: additive confidence bias. Alias of {@link VerificationSettings#HEURISTIC_CONFIDENCE_BIAS}. */
    public static final Setting<Double> HEURISTIC_CONFIDENCE_BIAS = VerificationSettings.HEURISTIC_CONFIDENCE_BIAS;

    /** Which criteria decomposer verification uses. Alias of {@link VerificationSettings#DECOMPOSER}. */
    public static final Setting<DecomposerVariant> VERIFICATION_DECOMPOSER = VerificationSettings.DECOMPOSER;

    /** Which rubric grader verification uses. Alias of {@link VerificationSettings#GRADER}. */
    public static final Setting<GraderVariant> VERIFICATION_GRADER = VerificationSettings.GRADER;

    /**
     * Optional confidence floor applied to graders other than the heuristic one; unset by default. Alias of {@link
     * VerificationSettings#MIN_CONFIDENCE_OVERRIDE}.
     */
    public static final Setting<Double> VERIFICATION_MIN_CONFIDENCE_OVERRIDE =
            VerificationSettings.MIN_CONFIDENCE_OVERRIDE;

    /**
     * Scored feedback: the passing score per criterion and the base of the acceptance threshold. Alias of {@link
     * FeedbackSettings#PASSING_SCORE}.
     */
    public static final Setting<Double> FEEDBACK_PASSING_SCORE = FeedbackSettings.PASSING_SCORE;

    /**
     * Scored feedback: scales a client profile's strictness level into the threshold multiplier. Alias of {@link
     * FeedbackSettings#STRICTNESS_MULTIPLIER}.
     */
    public static final Setting<Double> FEEDBACK_STRICTNESS_MULTIPLIER = FeedbackSettings.STRICTNESS_MULTIPLIER;

    /** Scored feedback: lower bound on the threshold multiplier. Alias of {@link FeedbackSettings#STRICTNESS_FLOOR}. */
    public static final Setting<Double> FEEDBACK_STRICTNESS_FLOOR = FeedbackSettings.STRICTNESS_FLOOR;

    private static final List<Setting<?>> ALL = List.of(
            CLASSIFIER_NAME,
            RULE_MATCHED_CONFIDENCE,
            FALLBACK_CONFIDENCE,
            GROUNDED_RULE_CONFIDENCE,
            GROUNDED_DEFAULT_CONFIDENCE,
            GROUNDED_MIN_RESULT_NOVELTY,
            GROUNDED_NOVELTY_SHINGLE_WORDS,
            GROUNDED_NEAR_DUPLICATE_SIMILARITY,
            GROUNDED_STALL_TOLERANCE,
            GROUNDED_ANSWER_AFTER_STALL,
            GROUNDED_ANSWER_PATTERN,
            GROUNDED_TOOL_MARKUP,
            GROUNDED_ABSTENTION_PHRASES,
            GROUNDED_GROUNDING_MIN_SUPPORT,
            GROUNDED_GROUNDING_MIN_WORDS,
            GROUNDED_MIN_EVIDENCE_STEPS,
            WEAK_MODEL_MAX_STEPS,
            WEAK_MODEL_MIN_ACCURACY,
            PROMPT_TOKEN_RATIO_WARN,
            HEURISTIC_PASS_THRESHOLD,
            HEURISTIC_PASS_GRADE,
            HEURISTIC_FAIL_GRADE,
            HEURISTIC_CONFIDENCE_CEILING,
            HEURISTIC_CONFIDENCE_BIAS,
            VERIFICATION_DECOMPOSER,
            VERIFICATION_GRADER,
            VERIFICATION_MIN_CONFIDENCE_OVERRIDE,
            FEEDBACK_PASSING_SCORE,
            FEEDBACK_STRICTNESS_MULTIPLIER,
            FEEDBACK_STRICTNESS_FLOOR);

    private QualitySettings() {}

    /** Every quality-core setting, in settings.md §2 order (the grounded classifier's after the classifier's). */
    public static List<Setting<?>> all() {
        return ALL;
    }
}
