package dev.vigil.quality.verification;

import dev.vigil.quality.internal.Checks;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of grading one artifact against one rubric.
 *
 * @param verdict PASS, FAIL or REFER
 * @param confidence the grader's confidence, in [0.0, 1.0]
 * @param perCriterionGrades grade per criterion name, each in [0.0, 1.0], in rubric order
 * @param findings human-readable notes, each NotBlank (default empty)
 * @param evaluatorAgentId who graded, NotBlank and different from the generator
 * @param generatorAgentId who produced the artifact, NotBlank
 * @param rubricName the rubric used, NotBlank
 * @param timestamp when the grading finished
 */
public record VerificationResult(
        VerificationVerdict verdict,
        double confidence,
        Map<String, Double> perCriterionGrades,
        List<String> findings,
        String evaluatorAgentId,
        String generatorAgentId,
        String rubricName,
        Instant timestamp) {

    /** Validates and copies; an agent may not evaluate its own work. */
    public VerificationResult {
        Checks.required(verdict, "verdict");
        Checks.unitInterval(confidence, "confidence");
        Checks.required(perCriterionGrades, "perCriterionGrades");
        Map<String, Double> grades = new LinkedHashMap<>();
        for (Map.Entry<String, Double> entry : perCriterionGrades.entrySet()) {
            String criterion = Checks.required(entry.getKey(), "perCriterionGrades key");
            Double grade = entry.getValue();
            String label = "perCriterionGrades['" + criterion + "']";
            Checks.required(grade, label);
            Checks.unitInterval(grade, label);
            grades.put(criterion, grade);
        }
        perCriterionGrades = Collections.unmodifiableMap(grades);
        findings = Checks.notBlankListCopy(findings, "findings");
        Checks.notBlank(evaluatorAgentId, "evaluatorAgentId");
        Checks.notBlank(generatorAgentId, "generatorAgentId");
        Checks.notBlank(rubricName, "rubricName");
        Checks.required(timestamp, "timestamp");
        if (evaluatorAgentId.equals(generatorAgentId)) {
            throw new IllegalArgumentException(
                    "Self-evaluation rejected: evaluatorAgentId must differ from generatorAgentId, got '"
                            + evaluatorAgentId + "'");
        }
    }

    /** Whether the verdict is PASS. */
    public boolean passed() {
        return verdict == VerificationVerdict.PASS;
    }

    /** This result with another verdict; everything else unchanged. */
    public VerificationResult withVerdict(VerificationVerdict newVerdict) {
        return new VerificationResult(
                newVerdict,
                confidence,
                perCriterionGrades,
                findings,
                evaluatorAgentId,
                generatorAgentId,
                rubricName,
                timestamp);
    }
}
