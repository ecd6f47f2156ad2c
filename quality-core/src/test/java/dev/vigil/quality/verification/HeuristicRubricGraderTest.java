package dev.vigil.quality.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** examples.md §5: the heuristic grader on the default-task rubric (minConfidence 0.7), and decision D6. */
class HeuristicRubricGraderTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private final HeuristicRubricGrader grader =
            new HeuristicRubricGrader(HeuristicGraderConfig.DEFAULTS, Clock.fixed(NOW, ZoneOffset.UTC));

    /** A payload containing "criterion-0" … "criterion-(matched-1)", and probes for criterion-0 … (probes-1). */
    private VerificationResult grade(int matched, int probes, VerificationRubric rubric) {
        StringBuilder summary = new StringBuilder("work");
        for (int i = 0; i < matched; i++) {
            summary.append(" criterion-").append((char) ('a' + i));
        }
        List<AtomicProbe> probeList = new ArrayList<>();
        for (int i = 0; i < probes; i++) {
            String source = "criterion-" + (char) ('a' + i);
            probeList.add(new AtomicProbe("t-probe-" + i, "Is the criterion satisfied: " + source, source));
        }
        HandoffArtifact artifact =
                HandoffArtifact.of("gen", "eval", "build", "review", Map.of("summary", summary.toString()));
        return grader.grade(artifact, rubric, probeList, "gen", "eval");
    }

    @ParameterizedTest(name = "{0}/{1} probes")
    @CsvSource({
        "0, 5, 0.1, 0.3, REFER",
        "1, 5, 0.30000000000000004, 0.3, REFER",
        "2, 5, 0.5, 0.3, REFER",
        "1, 2, 0.6, 0.8, REFER",
        "3, 5, 0.7, 0.8, PASS",
        "4, 5, 0.9, 0.8, PASS",
        "5, 5, 0.9, 0.8, PASS"
    })
    void examplesTableRow(int matched, int probes, double confidence, double grade, VerificationVerdict verdict) {
        VerificationResult result = grade(matched, probes, Rubrics.DEFAULT_TASK);

        assertEquals(confidence, result.confidence());
        assertEquals(verdict, result.verdict());
        assertEquals(
                Map.of("correctness", grade, "completeness", grade, "probe-adherence", grade),
                result.perCriterionGrades());
        assertEquals(List.of("Heuristic: " + matched + "/" + probes + " probes matched"), result.findings());
        assertEquals(NOW, result.timestamp());
        assertEquals("default-task", result.rubricName());
        assertEquals("eval", result.evaluatorAgentId());
        assertEquals("gen", result.generatorAgentId());
    }

    @Test
    void noProbesReferWithZeroConfidence() {
        VerificationResult result = grade(0, 0, Rubrics.DEFAULT_TASK);

        assertEquals(VerificationVerdict.REFER, result.verdict());
        assertEquals(0.0, result.confidence());
        assertEquals(
                Map.of("correctness", 0.0, "completeness", 0.0, "probe-adherence", 0.0), result.perCriterionGrades());
        assertEquals(List.of("Heuristic: no probes to evaluate"), result.findings());
    }

    @Test
    void failNeedsARubricBelowPointSix() {
        VerificationRubric lenient = new VerificationRubric(
                "lenient", Rubrics.DEFAULT_TASK.criteria(), List.of(), 0.5, GradingStyle.ABSOLUTE);

        VerificationResult result = grade(2, 5, lenient);

        assertEquals(0.5, result.confidence());
        assertEquals(VerificationVerdict.FAIL, result.verdict());
        assertEquals(0.3, result.perCriterionGrades().get("correctness"));
        assertFalse(result.passed());
    }

    @Test
    void d6FailIsUnreachableWithTheBuiltInRubrics() {
        for (VerificationRubric rubric : List.of(Rubrics.DEFAULT_TASK, Rubrics.FRONTEND_DESIGN)) {
            for (int probes = 1; probes <= 20; probes++) {
                for (int matched = 0; matched <= probes; matched++) {
                    VerificationVerdict verdict = grade(matched, probes, rubric).verdict();
                    assertTrue(verdict != VerificationVerdict.FAIL, matched + "/" + probes + " on " + rubric.name());
                }
            }
        }
    }

    @Test
    void probeMatchingIgnoresCaseButNeedsTheWholeSource() {
        HandoffArtifact artifact = HandoffArtifact.of(
                "gen", "eval", "build", "review", Map.of("summary", "Implemented Login Page and tests"));

        VerificationResult matched = grader.grade(
                artifact,
                Rubrics.DEFAULT_TASK,
                List.of(new AtomicProbe("p0", "login page?", "login page")),
                "gen",
                "eval");
        VerificationResult unmatched = grader.grade(
                artifact,
                Rubrics.DEFAULT_TASK,
                List.of(new AtomicProbe("p0", "oauth?", "Login Page with OAuth")),
                "gen",
                "eval");

        assertEquals(List.of("Heuristic: 1/1 probes matched"), matched.findings());
        assertEquals(VerificationVerdict.PASS, matched.verdict());
        assertEquals(List.of("Heuristic: 0/1 probes matched"), unmatched.findings());
    }

    @Test
    void payloadTextRendersValuesInInsertionOrder() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("a", "x");
        payload.put("n", 3);
        payload.put("ok", true);
        payload.put("items", List.of(1, "B"));

        assertEquals("x 3 true [1,\"b\"]", HeuristicRubricGrader.payloadText(payload));
    }

    @Test
    void payloadTextRendersNestedJsonCompactly() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("z", 1.0E23);
        nested.put("a", null);
        nested.put("q", "ü \"quoted\"\n\u0001\u007f");
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("nested", nested);
        payload.put("nothing", null);
        payload.put("half", 0.5);
        payload.put("big", 8.41E21);

        assertEquals(
                "{\"a\":null,\"q\":\"ü \\\"quoted\\\"\\n\\u0001\u007f\",\"z\":1.0e23} null 0.5 8.41e21",
                HeuristicRubricGrader.payloadText(payload));
    }

    @Test
    void selfEvaluationIsRejected() {
        HandoffArtifact artifact = HandoffArtifact.of("gen", "eval", "build", "review", Map.of("s", "x"));
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> grader.grade(artifact, Rubrics.DEFAULT_TASK, List.of(), "a1", "a1"));
        assertEquals(
                "Self-evaluation rejected: evaluatorAgentId must differ from generatorAgentId, got 'a1'",
                e.getMessage());
    }

    @Test
    void configValuesAreValidated() {
        assertEquals(
                "passGrade must be in [0.0, 1.0], got 1.2",
                assertThrows(IllegalArgumentException.class, () -> new HeuristicGraderConfig(0.5, 1.2, 0.3, 0.9, 0.1))
                        .getMessage());
    }
}
