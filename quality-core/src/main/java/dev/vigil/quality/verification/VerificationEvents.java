package dev.vigil.quality.verification;

/**
 * Names of the log events rubric verification emits (quality.md §6), declared next to the code that emits them.
 * Each is the SLF4J message; the fields are snake_case key/values. {@code QualityEvents} re-exports each of them
 * under the same name.
 */
public final class VerificationEvents {

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

    private VerificationEvents() {}
}
