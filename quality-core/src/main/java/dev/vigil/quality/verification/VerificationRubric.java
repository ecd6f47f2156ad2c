package dev.vigil.quality.verification;

import dev.vigil.quality.internal.Checks;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The criteria an artifact is graded against, and the confidence a grader needs before it may return PASS or FAIL
 * (below it, the verdict is REFER).
 *
 * @param name rubric name, NotBlank
 * @param criteria at least one; unique names; weights sum to 1.0 (within {@link #WEIGHT_SUM_TOLERANCE})
 * @param calibrationExamples examples for graders, default empty; their expected grades name known criteria only
 * @param minConfidence the confidence below which a verdict becomes REFER, in [0.0, 1.0], default 0.7
 * @param gradingStyle only {@link GradingStyle#ABSOLUTE} is supported (null means ABSOLUTE)
 */
public record VerificationRubric(
        String name,
        List<RubricCriterion> criteria,
        List<CalibrationExample> calibrationExamples,
        double minConfidence,
        GradingStyle gradingStyle) {

    /** How far the weights may sum from 1.0 (a constant, settings.md §9). */
    public static final double WEIGHT_SUM_TOLERANCE = 1e-6;

    /** The default minConfidence (the built-in rubrics' value, settings.md §9). */
    public static final double DEFAULT_MIN_CONFIDENCE = 0.7;

    /**
     * Validates, in the spec's order: at least one criterion; weights sum to 1.0; unique names; calibration grades
     * name known criteria; absolute grading style.
     */
    public VerificationRubric {
        Checks.notBlank(name, "name");
        criteria = Checks.listCopy(criteria, "criteria");
        calibrationExamples = Checks.listCopy(calibrationExamples, "calibrationExamples");
        Checks.unitInterval(minConfidence, "minConfidence");
        gradingStyle = gradingStyle == null ? GradingStyle.ABSOLUTE : gradingStyle;

        if (criteria.isEmpty()) {
            throw new IllegalArgumentException("Rubric must have at least one criterion");
        }
        double total = 0.0;
        for (RubricCriterion criterion : criteria) {
            total += criterion.weight();
        }
        if (Math.abs(total - 1.0) > WEIGHT_SUM_TOLERANCE) {
            throw new IllegalArgumentException("Criteria weights must sum to 1.0, got " + total);
        }
        Set<String> names = new HashSet<>();
        Set<String> duplicates = new TreeSet<>();
        for (RubricCriterion criterion : criteria) {
            if (!names.add(criterion.name())) {
                duplicates.add(criterion.name());
            }
        }
        if (!duplicates.isEmpty()) {
            throw new IllegalArgumentException("Duplicate criterion names: " + new ArrayList<>(duplicates));
        }
        Set<String> unknown = new TreeSet<>();
        for (CalibrationExample example : calibrationExamples) {
            if (example.expectedGrades() != null) {
                for (String criterion : example.expectedGrades().keySet()) {
                    if (!names.contains(criterion)) {
                        unknown.add(criterion);
                    }
                }
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(
                    "Calibration example references unknown criteria: " + new ArrayList<>(unknown));
        }
        if (gradingStyle != GradingStyle.ABSOLUTE) {
            throw new IllegalArgumentException("Grading style '" + gradingStyle.wireName()
                    + "' is not yet implemented; only 'absolute' is supported");
        }
    }

    /** A rubric with no calibration examples, minConfidence 0.7 and absolute grading. */
    public VerificationRubric(String name, List<RubricCriterion> criteria) {
        this(name, criteria, List.of(), DEFAULT_MIN_CONFIDENCE, GradingStyle.ABSOLUTE);
    }
}
