package dev.vigil.quality.verification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** examples.md §5 (factory and decomposer rows) and quality.md §4.7-§4.8. */
class VerificationFactoryTest {

    private static String message(VerificationConfig config, boolean grader) {
        return assertThrows(IllegalArgumentException.class, () -> {
                    if (grader) {
                        VerificationFactory.createGrader(config);
                    } else {
                        VerificationFactory.createDecomposer(config);
                    }
                })
                .getMessage();
    }

    @Test
    void defaultsBuildTheShippedVariants() {
        assertInstanceOf(HeuristicRubricGrader.class, VerificationFactory.createGrader(VerificationConfig.DEFAULTS));
        assertInstanceOf(
                IdentityCriteriaDecomposer.class, VerificationFactory.createDecomposer(VerificationConfig.DEFAULTS));
    }

    @Test
    void llmVariantsNeedAProvider() {
        assertEquals(
                "LLM grader requires a completion provider; none is configured",
                message(new VerificationConfig("identity", "llm", null), true));
        assertEquals(
                "LLM decomposer requires a completion provider; none is configured",
                message(new VerificationConfig("llm", "heuristic", null), false));
    }

    @Test
    void unknownVariantsListTheValidOnes() {
        assertEquals(
                "Unknown grader variant 'magic', valid: [heuristic]",
                message(new VerificationConfig("identity", "magic", null), true));
        assertEquals(
                "Unknown decomposer variant 'magic', valid: [identity]",
                message(new VerificationConfig("magic", "heuristic", null), false));
    }

    @Test
    void identityDecomposerEmitsOneProbePerCriterion() {
        List<AtomicProbe> probes = new IdentityCriteriaDecomposer()
                .decompose(
                        List.of(new AcceptanceCriterion("Has tests"), new AcceptanceCriterion("Docs updated")),
                        "t-1",
                        "agent");

        assertEquals(
                List.of(
                        new AtomicProbe("t-1-probe-0", "Is the criterion satisfied: Has tests", "Has tests"),
                        new AtomicProbe("t-1-probe-1", "Is the criterion satisfied: Docs updated", "Docs updated")),
                probes);
    }

    @Test
    void configValidatesTheOverride() {
        assertEquals(
                "minConfidenceOverride must be in [0.0, 1.0], got 1.5",
                assertThrows(IllegalArgumentException.class, () -> new VerificationConfig("identity", "heuristic", 1.5))
                        .getMessage());
    }

    /** A user grader that always answers the given verdict and confidence. */
    record FixedGrader(String name, VerificationVerdict verdict, double confidence) implements RubricGrader {
        @Override
        public VerificationResult grade(
                HandoffArtifact artifact,
                VerificationRubric rubric,
                List<AtomicProbe> probes,
                String generatorAgentId,
                String evaluatorAgentId) {
            return new VerificationResult(
                    verdict,
                    confidence,
                    Map.of(),
                    List.of(),
                    evaluatorAgentId,
                    generatorAgentId,
                    rubric.name(),
                    Instant.EPOCH);
        }
    }

    private static VerificationVerdict gradeWith(RubricGrader grader, Double override) {
        RubricGrader wrapped = VerificationFactory.withConfidenceFloor(
                grader, new VerificationConfig("identity", "heuristic", override));
        HandoffArtifact artifact = HandoffArtifact.of("g", "e", "a", "b", Map.of());
        return wrapped.grade(artifact, Rubrics.DEFAULT_TASK, List.of(), "g", "e")
                .verdict();
    }

    @Test
    void userGraderBelowTheRubricFloorIsReferred() {
        assertEquals(
                VerificationVerdict.REFER, gradeWith(new FixedGrader("mine", VerificationVerdict.PASS, 0.69), null));
        assertEquals(
                VerificationVerdict.REFER, gradeWith(new FixedGrader("mine", VerificationVerdict.FAIL, 0.5), null));
        assertEquals(VerificationVerdict.PASS, gradeWith(new FixedGrader("mine", VerificationVerdict.PASS, 0.7), null));
    }

    @Test
    void overrideRaisesButNeverLowersTheFloor() {
        assertEquals(
                VerificationVerdict.REFER, gradeWith(new FixedGrader("mine", VerificationVerdict.PASS, 0.8), 0.85));
        assertEquals(VerificationVerdict.REFER, gradeWith(new FixedGrader("mine", VerificationVerdict.PASS, 0.6), 0.1));
        assertEquals(VerificationVerdict.FAIL, gradeWith(new FixedGrader("mine", VerificationVerdict.FAIL, 0.9), 0.85));
    }

    @Test
    void heuristicGraderIsNotWrapped() {
        HeuristicRubricGrader heuristic = new HeuristicRubricGrader();

        assertSame(
                heuristic,
                VerificationFactory.withConfidenceFloor(
                        heuristic, new VerificationConfig("identity", "heuristic", 0.99)));
    }
}
