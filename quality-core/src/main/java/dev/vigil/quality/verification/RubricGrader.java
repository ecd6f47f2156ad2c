package dev.vigil.quality.verification;

import java.util.List;

/** Grades a handed-off artifact against a rubric and a set of acceptance probes. */
public interface RubricGrader {

    /** The grader's name, e.g. {@code heuristic}. */
    String name();

    /**
     * Grades {@code artifact}.
     *
     * @param artifact what was handed off
     * @param rubric the rubric to grade against
     * @param probes the acceptance probes
     * @param generatorAgentId who produced the artifact
     * @param evaluatorAgentId who evaluates it; must differ from the generator
     * @return the verdict, confidence and per-criterion grades
     */
    VerificationResult grade(
            HandoffArtifact artifact,
            VerificationRubric rubric,
            List<AtomicProbe> probes,
            String generatorAgentId,
            String evaluatorAgentId);
}
