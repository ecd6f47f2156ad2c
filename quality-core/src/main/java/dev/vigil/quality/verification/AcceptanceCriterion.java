package dev.vigil.quality.verification;

import dev.vigil.quality.internal.Checks;

/**
 * One acceptance criterion of a task, as written by whoever defined the task.
 *
 * @param description the criterion, NotBlank
 */
public record AcceptanceCriterion(String description) {

    /** Validates the description. */
    public AcceptanceCriterion {
        Checks.notBlank(description, "description");
    }
}
