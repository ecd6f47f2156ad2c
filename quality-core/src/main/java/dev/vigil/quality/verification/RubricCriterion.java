package dev.vigil.quality.verification;

import dev.vigil.quality.internal.Checks;

/**
 * One thing a rubric grades, with its share of the overall grade.
 *
 * @param name unique within its rubric, NotBlank
 * @param description what the criterion asks for, NotBlank (free text, no effect on grading)
 * @param weight share of the rubric, in [0.0, 1.0]; a rubric's weights sum to 1.0
 * @param gradeType how it is graded
 */
public record RubricCriterion(String name, String description, double weight, GradeType gradeType) {

    /** Validates the components. */
    public RubricCriterion {
        Checks.notBlank(name, "name");
        Checks.notBlank(description, "description");
        Checks.unitInterval(weight, "weight");
        Checks.required(gradeType, "gradeType");
    }
}
