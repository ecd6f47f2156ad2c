package dev.vigil.quality.verification;

import dev.vigil.quality.internal.Checks;
import dev.vigil.quality.internal.JsonValues;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The built-in, LLM-free rubric grader ({@code heuristic}, quality.md §4.6). It counts how many probes' source
 * criteria appear (ignoring case) in the artifact's payload text, and turns that match ratio into grades, a confidence
 * and a verdict:
 *
 * <ul>
 *   <li><b>Grades.</b> Every criterion gets {@code passGrade} (0.8) when the ratio is at least {@code passThreshold}
 *       (0.5), else {@code failGrade} (0.3); probes are not mapped to criteria, so all criteria get the same grade.
 *   <li><b>Confidence</b> = min({@code confidenceCeiling} 0.9, ratio + {@code confidenceBias} 0.1).
 *   <li><b>Verdict.</b> REFER when the confidence is below the rubric's minConfidence; else PASS when the ratio is at
 *       least passThreshold; else FAIL. No probes at all give REFER with confidence 0.0 and all grades 0.0.
 * </ul>
 *
 * <p><b>Decision D6: FAIL is unreachable with the defaults.</b> With minConfidence 0.7 (both built-in rubrics), any
 * ratio below 0.6 gives a confidence below 0.7 and therefore REFER, and any ratio of 0.6 or more is at least the pass
 * threshold and gives PASS (3/5 gives 0.6 + 0.1 = 0.7 exactly, so PASS). FAIL needs a rubric whose minConfidence is
 * below 0.6 (at most ratio + 0.1 with ratio below 0.5). Vigil keeps these reference rules unchanged on purpose: a
 * heuristic this crude should refer doubtful work to a human rather than reject it.
 *
 * <p>This grader ignores {@code engine.quality.verification.min_confidence_override}. Stateless apart from its
 * config and clock; thread-safe.
 */
public final class HeuristicRubricGrader implements RubricGrader {

    /** The grader name. */
    public static final String NAME = "heuristic";

    /** The finding when there is nothing to evaluate. */
    public static final String NO_PROBES_FINDING = "Heuristic: no probes to evaluate";

    /** Confidence and grades when there are no probes: nothing was checked. */
    private static final double NOTHING_CHECKED = 0.0;

    private static final Logger LOG = LoggerFactory.getLogger(HeuristicRubricGrader.class);

    private final HeuristicGraderConfig config;
    private final Clock clock;

    /** A grader with the seed hyperparameters and the UTC system clock. */
    public HeuristicRubricGrader() {
        this(HeuristicGraderConfig.DEFAULTS, Clock.systemUTC());
    }

    /** A grader with the given hyperparameters; {@code clock} stamps results. */
    public HeuristicRubricGrader(HeuristicGraderConfig config, Clock clock) {
        this.config = Checks.required(config, "config");
        this.clock = Checks.required(clock, "clock");
    }

    /** The hyperparameters in use. */
    public HeuristicGraderConfig config() {
        return config;
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * Grades by probe matching, as the class description says. Logs info {@code vigil.verification.grading_started}
     * and {@code vigil.verification.grading_completed}.
     *
     * @param probes the probes; null counts as none
     * @throws IllegalArgumentException when artifact or rubric is null, or the two agent ids are equal or blank
     */
    @Override
    public VerificationResult grade(
            HandoffArtifact artifact,
            VerificationRubric rubric,
            List<AtomicProbe> probes,
            String generatorAgentId,
            String evaluatorAgentId) {
        Checks.required(artifact, "artifact");
        Checks.required(rubric, "rubric");
        List<AtomicProbe> checks = Checks.listCopy(probes, "probes");
        LOG.atInfo()
                .setMessage(VerificationEvents.GRADING_STARTED)
                .addKeyValue("rubric_name", rubric.name())
                .addKeyValue("grader", NAME)
                .addKeyValue("probe_count", checks.size())
                .log();

        VerificationResult result;
        if (checks.isEmpty()) {
            result = new VerificationResult(
                    VerificationVerdict.REFER,
                    NOTHING_CHECKED,
                    uniformGrades(rubric, NOTHING_CHECKED),
                    List.of(NO_PROBES_FINDING),
                    evaluatorAgentId,
                    generatorAgentId,
                    rubric.name(),
                    clock.instant());
        } else {
            String text = payloadText(artifact.payload());
            int matched = 0;
            for (AtomicProbe probe : checks) {
                if (text.contains(probe.sourceCriterion().toLowerCase(Locale.ROOT))) {
                    matched++;
                }
            }
            double probeRatio = matched / (double) checks.size();
            boolean passing = probeRatio >= config.passThreshold();
            double grade = passing ? config.passGrade() : config.failGrade();
            double confidence = Math.min(config.confidenceCeiling(), probeRatio + config.confidenceBias());
            VerificationVerdict verdict;
            if (confidence < rubric.minConfidence()) {
                verdict = VerificationVerdict.REFER;
            } else if (passing) {
                verdict = VerificationVerdict.PASS;
            } else {
                verdict = VerificationVerdict.FAIL;
            }
            result = new VerificationResult(
                    verdict,
                    confidence,
                    uniformGrades(rubric, grade),
                    List.of("Heuristic: " + matched + "/" + checks.size() + " probes matched"),
                    evaluatorAgentId,
                    generatorAgentId,
                    rubric.name(),
                    clock.instant());
        }
        LOG.atInfo()
                .setMessage(VerificationEvents.GRADING_COMPLETED)
                .addKeyValue("rubric_name", rubric.name())
                .addKeyValue("verdict", result.verdict().wireName())
                .addKeyValue("confidence", result.confidence())
                .log();
        return result;
    }

    /**
     * The text probes are matched against: each payload value rendered (a String as-is, {@code null}, booleans,
     * canonical numbers, Lists and Maps as compact JSON with code-point-sorted keys), in insertion order, joined with
     * single spaces and lower-cased with {@link Locale#ROOT}. Example: {@code {"a": "x", "n": 3, "ok": true,
     * "items": [1, "B"]}} gives {@code x 3 true [1,"b"]}.
     */
    public static String payloadText(Map<String, Object> payload) {
        Map<String, Object> values = JsonValues.copyObject(payload, "payload");
        List<String> parts = new ArrayList<>(values.size());
        for (Object value : values.values()) {
            parts.add(JsonValues.renderTopLevel(value));
        }
        return String.join(" ", parts).toLowerCase(Locale.ROOT);
    }

    private static Map<String, Double> uniformGrades(VerificationRubric rubric, double grade) {
        Map<String, Double> grades = new LinkedHashMap<>();
        for (RubricCriterion criterion : rubric.criteria()) {
            grades.put(criterion.name(), grade);
        }
        return grades;
    }
}
