package dev.vigil.quality;

import dev.vigil.quality.verification.DecomposerVariant;
import dev.vigil.quality.verification.GraderVariant;
import dev.vigil.spi.settings.Constraint;
import dev.vigil.spi.settings.Reload;
import dev.vigil.spi.settings.Setting;
import java.util.List;

/**
 * Every setting of {@code quality-core} (settings.md §2): key, default, range, reload mode and rationale. The
 * assembly resolves them; this module's config records ({@link ClassifierConfig}, {@link RunQualityConfig},
 * {@code HeuristicGraderConfig}, {@code VerificationConfig}, {@code ScoredFeedbackConfig}) read them through their
 * {@code from(Settings)} factories.
 */
public final class QualitySettings {

    /** Which classifier runs, by provider name. */
    public static final Setting<String> CLASSIFIER_NAME = Setting.ofString(
            "engine.classifier.name",
            RuleBasedStepClassifier.NAME,
            Reload.RESTART,
            "Which StepClassifier runs; plugins add names.");

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

    /** Heuristic grader: probe-match ratio at or above which the run earns PASS. */
    public static final Setting<Double> HEURISTIC_PASS_THRESHOLD = Setting.ofDouble(
            "engine.quality.heuristic.pass_threshold",
            0.5,
            Constraint.between(0.0, 1.0),
            Reload.LIVE,
            "Seed. The probe-pass ratio at or above which a run earns PASS; 0.5 means \"at least half the probes"
                    + " match\". Audit-set placeholder.");

    /** Heuristic grader: per-criterion grade on pass. */
    public static final Setting<Double> HEURISTIC_PASS_GRADE = Setting.ofDouble(
            "engine.quality.heuristic.pass_grade",
            0.8,
            Constraint.between(0.0, 1.0),
            Reload.LIVE,
            "Seed. Per-criterion grade on pass. Together with the fail grade it gives a clean PASS-vs-FAIL split"
                    + " that consumers can threshold on.");

    /** Heuristic grader: per-criterion grade on fail. */
    public static final Setting<Double> HEURISTIC_FAIL_GRADE = Setting.ofDouble(
            "engine.quality.heuristic.fail_grade",
            0.3,
            Constraint.between(0.0, 1.0),
            Reload.LIVE,
            "Seed. Per-criterion grade on fail.");

    /** Heuristic grader: the maximum confidence. */
    public static final Setting<Double> HEURISTIC_CONFIDENCE_CEILING = Setting.ofDouble(
            "engine.quality.heuristic.confidence_ceiling",
            0.9,
            Constraint.between(0.0, 1.0),
            Reload.LIVE,
            "Seed. The maximum confidence: the heuristic is deterministic but not authoritative.");

    /** Heuristic grader: additive confidence bias. */
    public static final Setting<Double> HEURISTIC_CONFIDENCE_BIAS = Setting.ofDouble(
            "engine.quality.heuristic.confidence_bias",
            0.1,
            Constraint.between(0.0, 1.0),
            Reload.LIVE,
            "Seed. Additive bias, so every grading returns some confidence.");

    /** Which criteria decomposer verification uses. */
    public static final Setting<DecomposerVariant> VERIFICATION_DECOMPOSER = Setting.ofEnum(
            "engine.quality.verification.decomposer",
            DecomposerVariant.class,
            DecomposerVariant.IDENTITY,
            Reload.LIVE,
            "Criteria → probes.");

    /** Which rubric grader verification uses. */
    public static final Setting<GraderVariant> VERIFICATION_GRADER = Setting.ofEnum(
            "engine.quality.verification.grader",
            GraderVariant.class,
            GraderVariant.HEURISTIC,
            Reload.LIVE,
            "The only shipped grader.");

    /** Optional confidence floor applied to graders other than the heuristic one; unset by default. */
    public static final Setting<Double> VERIFICATION_MIN_CONFIDENCE_OVERRIDE = Setting.ofDouble(
            "engine.quality.verification.min_confidence_override",
            null,
            Constraint.between(0.0, 1.0),
            Reload.LIVE,
            "A confidence floor for non-heuristic graders (quality.md §4.8).");

    /** Scored feedback: the passing score per criterion and the base of the acceptance threshold. */
    public static final Setting<Double> FEEDBACK_PASSING_SCORE = Setting.ofDouble(
            "client.scored_feedback.passing_score",
            0.5,
            Constraint.between(0.0, 1.0),
            Reload.LIVE,
            "Seed. Passing-score threshold; exactly-half-correct sits on the boundary. Audit-set placeholder.");

    /** Scored feedback: scales a client profile's strictness level into the threshold multiplier. */
    public static final Setting<Double> FEEDBACK_STRICTNESS_MULTIPLIER = Setting.ofDouble(
            "client.scored_feedback.strictness_multiplier",
            2.0,
            Constraint.greaterThan(0.0),
            Reload.LIVE,
            "Seed. Scales a profile's strictness_level: 0.5 → 1.0 (neutral), 1.0 → 2.0 (doubled sensitivity).");

    /** Scored feedback: lower bound on the threshold multiplier. */
    public static final Setting<Double> FEEDBACK_STRICTNESS_FLOOR = Setting.ofDouble(
            "client.scored_feedback.strictness_floor",
            0.1,
            Constraint.greaterThan(0.0),
            Reload.LIVE,
            "Seed. Lower bound on the multiplier, so that strictness 0 never disables feedback.");

    private static final List<Setting<?>> ALL = List.of(
            CLASSIFIER_NAME,
            RULE_MATCHED_CONFIDENCE,
            FALLBACK_CONFIDENCE,
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

    /** Every quality-core setting, in settings.md §2 order. */
    public static List<Setting<?>> all() {
        return ALL;
    }
}
