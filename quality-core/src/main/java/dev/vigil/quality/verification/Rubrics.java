package dev.vigil.quality.verification;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The built-in rubrics (quality.md §4.3), looked up by name. Both use minConfidence 0.7. */
public final class Rubrics {

    /** Front-end work: four equally weighted scored criteria. */
    public static final VerificationRubric FRONTEND_DESIGN = new VerificationRubric(
            "frontend-design",
            List.of(
                    new RubricCriterion(
                            "design", "Visual design: layout, hierarchy, consistency", 0.25, GradeType.SCORE),
                    new RubricCriterion(
                            "originality", "Originality of the solution beyond boilerplate", 0.25, GradeType.SCORE),
                    new RubricCriterion(
                            "craft", "Craft: code quality, polish, attention to detail", 0.25, GradeType.SCORE),
                    new RubricCriterion(
                            "functionality", "Functionality: the page does what it should", 0.25, GradeType.SCORE)),
            List.of(),
            VerificationRubric.DEFAULT_MIN_CONFIDENCE,
            GradingStyle.ABSOLUTE);

    /** Any task: correctness, completeness and adherence to the acceptance probes. */
    public static final VerificationRubric DEFAULT_TASK = new VerificationRubric(
            "default-task",
            List.of(
                    new RubricCriterion("correctness", "The result is correct", 0.4, GradeType.SCORE),
                    new RubricCriterion(
                            "completeness", "The result covers everything asked for", 0.35, GradeType.SCORE),
                    new RubricCriterion(
                            "probe-adherence", "The result satisfies the acceptance probes", 0.25, GradeType.BINARY)),
            List.of(),
            VerificationRubric.DEFAULT_MIN_CONFIDENCE,
            GradingStyle.ABSOLUTE);

    private static final Logger LOG = LoggerFactory.getLogger(Rubrics.class);

    private static final Map<String, VerificationRubric> BY_NAME =
            new TreeMap<>(Map.of(FRONTEND_DESIGN.name(), FRONTEND_DESIGN, DEFAULT_TASK.name(), DEFAULT_TASK));

    private Rubrics() {}

    /**
     * The built-in rubric called {@code name}.
     *
     * @throws IllegalArgumentException {@code Unknown rubric '<name>', available: [default-task, frontend-design]},
     *     after logging warning {@code vigil.verification.rubric_not_found}
     */
    public static VerificationRubric get(String name) {
        VerificationRubric rubric = name == null ? null : BY_NAME.get(name);
        if (rubric == null) {
            LOG.atWarn()
                    .setMessage(VerificationEvents.RUBRIC_NOT_FOUND)
                    .addKeyValue("name", name)
                    .addKeyValue("available", names())
                    .log();
            throw new IllegalArgumentException("Unknown rubric '" + name + "', available: " + names());
        }
        return rubric;
    }

    /** The built-in rubric names, sorted. */
    public static List<String> names() {
        return List.copyOf(BY_NAME.keySet());
    }
}
