package dev.vigil.quality.verification;

import dev.vigil.quality.internal.Checks;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A graded example that shows a grader what a verdict looks like for a given artifact.
 *
 * @param artifactSummary the example artifact, NotBlank
 * @param expectedVerdict the verdict it should get
 * @param rationale why, NotBlank
 * @param expectedGrades per-criterion grades, or null; each finite and in [0, 1]; keys must name the rubric's criteria
 */
public record CalibrationExample(
        String artifactSummary,
        VerificationVerdict expectedVerdict,
        String rationale,
        Map<String, Double> expectedGrades) {

    /** Validates and deep-copies; messages {@code Expected grade for '<name>' must be in [0, 1], got <g>}. */
    public CalibrationExample {
        Checks.notBlank(artifactSummary, "artifactSummary");
        Checks.required(expectedVerdict, "expectedVerdict");
        Checks.notBlank(rationale, "rationale");
        if (expectedGrades != null) {
            Map<String, Double> copy = new LinkedHashMap<>();
            for (Map.Entry<String, Double> entry : expectedGrades.entrySet()) {
                String criterion = Checks.required(entry.getKey(), "expectedGrades key");
                Double grade = entry.getValue();
                if (grade == null || !Double.isFinite(grade)) {
                    throw new IllegalArgumentException("Expected grade for '" + criterion + "' must be finite");
                }
                if (grade < 0.0 || grade > 1.0) {
                    throw new IllegalArgumentException(
                            "Expected grade for '" + criterion + "' must be in [0, 1], got " + grade);
                }
                copy.put(criterion, grade);
            }
            expectedGrades = Collections.unmodifiableMap(copy);
        }
    }
}
