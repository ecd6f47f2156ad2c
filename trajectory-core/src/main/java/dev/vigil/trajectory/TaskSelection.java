package dev.vigil.trajectory;

import dev.vigil.spi.model.Candidate;
import java.util.List;

/**
 * The offline best-of-K result for one task (trajectory.md §6): the selected candidate, and every candidate's score
 * with its consistency flag, in input order.
 *
 * @param taskId the task the candidates belong to; not blank
 * @param selected the selected candidate; one of the scored candidates
 * @param scores one score per candidate of the task, in input order; not empty
 */
public record TaskSelection(String taskId, Candidate selected, List<TrajectoryScore> scores) {

    /** Validates and copies the components. */
    public TaskSelection {
        Checks.notBlank("taskId", taskId);
        Checks.required("selected", selected);
        Checks.required("scores", scores);
        for (TrajectoryScore score : scores) {
            if (score == null) {
                throw new IllegalArgumentException("scores must not contain null");
            }
        }
        if (scores.isEmpty()) {
            throw new IllegalArgumentException("scores must not be empty");
        }
        scores = List.copyOf(scores);
        if (scores.stream().noneMatch(score -> score.candidateIndex() == selected.candidateIndex())) {
            throw new IllegalArgumentException(
                    "selected must be one of the scored candidates, got candidateIndex " + selected.candidateIndex());
        }
    }

    /** The score of the selected candidate. */
    public TrajectoryScore selectedScore() {
        return scores.stream()
                .filter(score -> score.candidateIndex() == selected.candidateIndex())
                .findFirst()
                .orElseThrow();
    }
}
