package dev.vigil.quality;

import dev.vigil.quality.feedback.FeedbackEvents;
import dev.vigil.quality.verification.VerificationEvents;

/**
 * Names of the log events this module emits (quality.md §6). Each is the SLF4J message; the fields are snake_case
 * key/values. Listed so that the assembly and tests can refer to them without retyping strings. The events of the
 * sub-packages are declared next to the code that emits them ({@link VerificationEvents}, {@link FeedbackEvents});
 * the constants here are aliases of those.
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
    public static final String GRADING_STARTED = VerificationEvents.GRADING_STARTED;

    /** Info: rubric_name, verdict, confidence. */
    public static final String GRADING_COMPLETED = VerificationEvents.GRADING_COMPLETED;

    /** Info: task_id, probe_count, decomposer. */
    public static final String CRITERIA_DECOMPOSED = VerificationEvents.CRITERIA_DECOMPOSED;

    /** Warning: name, available. */
    public static final String RUBRIC_NOT_FOUND = VerificationEvents.RUBRIC_NOT_FOUND;

    /** Warning: name, valid. */
    public static final String FACTORY_UNKNOWN_GRADER = VerificationEvents.FACTORY_UNKNOWN_GRADER;

    /** Warning: name, valid. */
    public static final String FACTORY_UNKNOWN_DECOMPOSER = VerificationEvents.FACTORY_UNKNOWN_DECOMPOSER;

    /** Warning: variant. */
    public static final String FACTORY_MISSING_PROVIDER = VerificationEvents.FACTORY_MISSING_PROVIDER;

    /** Info: rubric_name, grader, confidence, floor. */
    public static final String VERDICT_OVERRIDDEN_TO_REFER = VerificationEvents.VERDICT_OVERRIDDEN_TO_REFER;

    /** Debug: task_id, client_id, accepted, mean_score, threshold, strategy. */
    public static final String REVIEW_COMPLETED = FeedbackEvents.REVIEW_COMPLETED;

    private QualityEvents() {}
}
