package dev.vigil.quality;

/**
 * Names of the log events this module emits (quality.md §6). Each is the SLF4J message; the fields are snake_case
 * key/values. Listed so that the assembly and tests can refer to them without retyping strings.
 */
public final class QualityEvents {

    /** Debug: step_index, quality, confidence, reason, turn_range ({@code start-end}). */
    public static final String STEP_CLASSIFIED = "vigil.quality.step_classified";

    /** Warning: classifier, step_index, error_type, error. */
    public static final String STEP_CLASSIFICATION_FAILED = "vigil.quality.step_classification_failed";

    /** Warning: error, parameter, value. */
    public static final String CLASSIFIER_CONFIG_INVALID = "vigil.quality.classifier_config_invalid";

    /** Info: accuracy, effort, ratio, correct, neutral, incorrect, total; warning with error, signal_count. */
    public static final String ACCURACY_EFFORT_COMPUTED = "vigil.quality.accuracy_effort_computed";

    /** Warning: accuracy, total_steps, detail. */
    public static final String WEAK_MODEL_WARNING = "vigil.quality.weak_model_warning";

    /** Info: rubric_name, grader, probe_count. */
    public static final String GRADING_STARTED = "vigil.verification.grading_started";

    /** Info: rubric_name, verdict, confidence. */
    public static final String GRADING_COMPLETED = "vigil.verification.grading_completed";

    /** Info: task_id, probe_count, decomposer. */
    public static final String CRITERIA_DECOMPOSED = "vigil.verification.criteria_decomposed";

    /** Warning: name, available. */
    public static final String RUBRIC_NOT_FOUND = "vigil.verification.rubric_not_found";

    /** Warning: name, valid. */
    public static final String FACTORY_UNKNOWN_GRADER = "vigil.verification.factory_unknown_grader";

    /** Warning: name, valid. */
    public static final String FACTORY_UNKNOWN_DECOMPOSER = "vigil.verification.factory_unknown_decomposer";

    /** Warning: variant. */
    public static final String FACTORY_MISSING_PROVIDER = "vigil.verification.factory_missing_provider";

    /** Info: rubric_name, grader, confidence, floor. */
    public static final String VERDICT_OVERRIDDEN_TO_REFER = "vigil.verification.verdict_overridden_to_refer";

    /** Debug: task_id, client_id, accepted, mean_score, threshold, strategy. */
    public static final String REVIEW_COMPLETED = "vigil.feedback.review_completed";

    private QualityEvents() {}
}
