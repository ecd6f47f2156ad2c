package dev.vigil.quality.feedback;

/**
 * Names of the log events the scored client review emits (quality.md §6), declared next to the code that emits them.
 * Each is the SLF4J message; the fields are snake_case key/values. {@code QualityEvents} re-exports each of them
 * under the same name.
 */
public final class FeedbackEvents {

    /** Debug: task_id, client_id, accepted, mean_score, threshold, strategy. */
    public static final String REVIEW_COMPLETED = "vigil.feedback.review_completed";

    private FeedbackEvents() {}
}
