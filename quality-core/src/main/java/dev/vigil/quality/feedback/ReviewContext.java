package dev.vigil.quality.feedback;

import dev.vigil.quality.internal.Checks;
import java.util.List;

/**
 * What a client reviews: the task, its acceptance criteria and a summary of the deliverable.
 *
 * @param taskId NotBlank
 * @param taskTitle NotBlank
 * @param acceptanceCriteria each NotBlank (default empty: the review then uses one default criterion)
 * @param deliverableSummary NotBlank
 * @param priorFeedback earlier feedback texts (default empty)
 */
public record ReviewContext(
        String taskId,
        String taskTitle,
        List<String> acceptanceCriteria,
        String deliverableSummary,
        List<String> priorFeedback) {

    /** Validates and copies. */
    public ReviewContext {
        Checks.notBlank(taskId, "taskId");
        Checks.notBlank(taskTitle, "taskTitle");
        acceptanceCriteria = Checks.notBlankListCopy(acceptanceCriteria, "acceptanceCriteria");
        Checks.notBlank(deliverableSummary, "deliverableSummary");
        priorFeedback = Checks.listCopy(priorFeedback, "priorFeedback");
    }

    /** A context without prior feedback. */
    public ReviewContext(String taskId, String taskTitle, List<String> acceptanceCriteria, String deliverableSummary) {
        this(taskId, taskTitle, acceptanceCriteria, deliverableSummary, List.of());
    }
}
