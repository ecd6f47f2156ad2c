package dev.vigil.quality.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** examples.md §5 (validation rows) and quality.md §4.2-§4.3. */
class VerificationRubricTest {

    private static RubricCriterion criterion(String name, double weight) {
        return new RubricCriterion(name, "description of " + name, weight, GradeType.SCORE);
    }

    private static String message(Executable executable) {
        return assertThrows(IllegalArgumentException.class, executable).getMessage();
    }

    @Test
    void weightsMustSumToOne() {
        assertEquals(
                "Criteria weights must sum to 1.0, got 0.9",
                message(() -> new VerificationRubric("r", List.of(criterion("a", 0.5), criterion("b", 0.4)))));
    }

    @Test
    void defaultTaskWeightsSumExactly() {
        VerificationRubric rubric =
                new VerificationRubric("r", List.of(criterion("a", 0.4), criterion("b", 0.35), criterion("c", 0.25)));

        assertEquals(3, rubric.criteria().size());
        assertEquals(0.7, rubric.minConfidence());
        assertEquals(GradingStyle.ABSOLUTE, rubric.gradingStyle());
    }

    @Test
    void criteriaAreRequired() {
        assertEquals("Rubric must have at least one criterion", message(() -> new VerificationRubric("r", List.of())));
    }

    @Test
    void criterionNamesAreUnique() {
        assertEquals(
                "Duplicate criterion names: [a]",
                message(() -> new VerificationRubric("r", List.of(criterion("a", 0.5), criterion("a", 0.5)))));
    }

    @Test
    void calibrationGradesNameKnownCriteria() {
        Map<String, Double> grades = new LinkedHashMap<>();
        grades.put("zeta", 0.5);
        grades.put("alpha", 1.0);
        CalibrationExample example = new CalibrationExample("summary", VerificationVerdict.PASS, "because", grades);

        assertEquals(
                "Calibration example references unknown criteria: [alpha, zeta]",
                message(() -> new VerificationRubric(
                        "r", List.of(criterion("a", 1.0)), List.of(example), 0.7, GradingStyle.ABSOLUTE)));
    }

    @Test
    void onlyAbsoluteGradingIsImplemented() {
        assertEquals(
                "Grading style 'relative' is not yet implemented; only 'absolute' is supported",
                message(() -> new VerificationRubric(
                        "r", List.of(criterion("a", 1.0)), List.of(), 0.7, GradingStyle.RELATIVE)));
    }

    @Test
    void calibrationGradesAreChecked() {
        assertEquals(
                "Expected grade for 'a' must be in [0, 1], got 1.5",
                message(() -> new CalibrationExample("s", VerificationVerdict.FAIL, "r", Map.of("a", 1.5))));
        assertEquals(
                "Expected grade for 'a' must be finite",
                message(() -> new CalibrationExample("s", VerificationVerdict.FAIL, "r", Map.of("a", Double.NaN))));
    }

    @Test
    void builtInRubricsMatchTheSpec() {
        assertEquals(List.of("default-task", "frontend-design"), Rubrics.names());
        VerificationRubric task = Rubrics.get("default-task");
        assertEquals(
                List.of("correctness:0.4:score", "completeness:0.35:score", "probe-adherence:0.25:binary"),
                task.criteria().stream()
                        .map(c -> c.name() + ":" + c.weight() + ":"
                                + c.gradeType().wireName())
                        .toList());
        assertEquals(0.7, task.minConfidence());
        VerificationRubric design = Rubrics.get("frontend-design");
        assertEquals(
                List.of("design:0.25:score", "originality:0.25:score", "craft:0.25:score", "functionality:0.25:score"),
                design.criteria().stream()
                        .map(c -> c.name() + ":" + c.weight() + ":"
                                + c.gradeType().wireName())
                        .toList());
        assertEquals(0.7, design.minConfidence());
    }

    @Test
    void unknownRubricListsTheAvailableOnes() {
        assertEquals(
                "Unknown rubric 'missing', available: [default-task, frontend-design]",
                message(() -> Rubrics.get("missing")));
    }

    @Test
    void resultRejectsSelfEvaluationAndBadGrades() {
        Instant now = Instant.EPOCH;
        assertEquals(
                "Self-evaluation rejected: evaluatorAgentId must differ from generatorAgentId, got 'a1'",
                message(() -> new VerificationResult(
                        VerificationVerdict.PASS, 0.9, Map.of(), List.of(), "a1", "a1", "r", now)));
        assertEquals(
                "perCriterionGrades['x'] must be in [0.0, 1.0], got 1.1",
                message(() -> new VerificationResult(
                        VerificationVerdict.PASS, 0.9, Map.of("x", 1.1), List.of(), "e", "g", "r", now)));
        assertEquals(
                "confidence must be in [0.0, 1.0], got 1.5",
                message(() -> new VerificationResult(
                        VerificationVerdict.PASS, 1.5, Map.of(), List.of(), "e", "g", "r", now)));
        assertTrue(new VerificationResult(VerificationVerdict.PASS, 0.9, Map.of(), List.of(), "e", "g", "r", now)
                .passed());
    }

    @Test
    void handoffRejectsSelfHandoffAndNonJsonPayloads() {
        assertEquals(
                "Self-handoff rejected: toAgentId must differ from fromAgentId, got 'a'",
                message(() -> HandoffArtifact.of("a", "a", "s1", "s2", Map.of())));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("files", List.of(Map.of("when", Instant.EPOCH)));
        assertEquals(
                "payload must be JSON-serializable, got java.time.Instant at 'files[0].when'",
                message(() -> HandoffArtifact.of("a", "b", "s1", "s2", payload)));
        assertEquals(
                "payload must not contain non-finite numbers, got NaN at 'x'",
                message(() -> HandoffArtifact.of("a", "b", "s1", "s2", Map.of("x", Double.NaN))));
    }

    @Test
    void handoffKeepsJsonNullAndInsertionOrder() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("z", null);
        payload.put("a", 1);

        HandoffArtifact artifact = HandoffArtifact.of("a", "b", "s1", "s2", payload);
        payload.put("late", "ignored");

        assertEquals(List.of("z", "a"), List.copyOf(artifact.payload().keySet()));
        assertThrows(
                UnsupportedOperationException.class, () -> artifact.payload().put("x", 1));
    }
}
