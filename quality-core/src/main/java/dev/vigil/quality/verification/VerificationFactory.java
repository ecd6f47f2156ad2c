package dev.vigil.quality.verification;

import dev.vigil.quality.internal.Checks;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the configured criteria decomposer and rubric grader (quality.md §4.8), and wraps graders supplied by
 * library users with the confidence-floor rule. Only {@code identity} and {@code heuristic} ship; {@code llm} (the
 * reference's LLM variant) needs a completion provider, which Vigil does not have.
 *
 * <p>Reading a verdict: PASS and REFER let the task proceed (REFER is flagged for human review); FAIL means rework. A
 * grader fault should fail open: log it and skip the verification.
 */
public final class VerificationFactory {

    /** The valid decomposer names. */
    public static final List<String> VALID_DECOMPOSERS = List.of(IdentityCriteriaDecomposer.NAME);

    /** The valid grader names. */
    public static final List<String> VALID_GRADERS = List.of(HeuristicRubricGrader.NAME);

    /** The reference's LLM variant name, recognised only to explain why it is unavailable. */
    public static final String LLM_VARIANT = "llm";

    private static final Logger LOG = LoggerFactory.getLogger(VerificationFactory.class);

    private VerificationFactory() {}

    /** The configured grader with the seed hyperparameters and the UTC system clock. */
    public static RubricGrader createGrader(VerificationConfig config) {
        return createGrader(config, HeuristicGraderConfig.DEFAULTS, Clock.systemUTC());
    }

    /**
     * The grader named by {@code config.grader()}.
     *
     * @throws IllegalArgumentException {@code LLM grader requires a completion provider; none is configured} for
     *     {@code llm}, or {@code Unknown grader variant '<x>', valid: [heuristic]}; each logged as a warning first
     */
    public static RubricGrader createGrader(
            VerificationConfig config, HeuristicGraderConfig heuristicConfig, Clock clock) {
        Checks.required(config, "config");
        String name = config.grader();
        if (HeuristicRubricGrader.NAME.equals(name)) {
            return new HeuristicRubricGrader(heuristicConfig, clock);
        }
        if (LLM_VARIANT.equals(name)) {
            throw missingProvider(name, "LLM grader requires a completion provider; none is configured");
        }
        LOG.atWarn()
                .setMessage(VerificationEvents.FACTORY_UNKNOWN_GRADER)
                .addKeyValue("name", name)
                .addKeyValue("valid", VALID_GRADERS)
                .log();
        throw new IllegalArgumentException("Unknown grader variant '" + name + "', valid: " + VALID_GRADERS);
    }

    /**
     * The decomposer named by {@code config.decomposer()}.
     *
     * @throws IllegalArgumentException {@code LLM decomposer requires a completion provider; none is configured}
     *     for {@code llm}, or {@code Unknown decomposer variant '<x>', valid: [identity]}; each logged first
     */
    public static CriteriaDecomposer createDecomposer(VerificationConfig config) {
        Checks.required(config, "config");
        String name = config.decomposer();
        if (IdentityCriteriaDecomposer.NAME.equals(name)) {
            return new IdentityCriteriaDecomposer();
        }
        if (LLM_VARIANT.equals(name)) {
            throw missingProvider(name, "LLM decomposer requires a completion provider; none is configured");
        }
        LOG.atWarn()
                .setMessage(VerificationEvents.FACTORY_UNKNOWN_DECOMPOSER)
                .addKeyValue("name", name)
                .addKeyValue("valid", VALID_DECOMPOSERS)
                .log();
        throw new IllegalArgumentException("Unknown decomposer variant '" + name + "', valid: " + VALID_DECOMPOSERS);
    }

    /**
     * A library user's grader with the confidence-floor rule: when a result's confidence is below the floor and its
     * verdict is not REFER, the verdict becomes REFER (logged at info as
     * {@code vigil.verification.verdict_overridden_to_refer}). The floor is the rubric's minConfidence, raised to
     * {@code config.minConfidenceOverride()} when that is set and higher. A grader named {@code heuristic} is
     * returned unchanged: it applies minConfidence itself and ignores the override.
     */
    public static RubricGrader withConfidenceFloor(RubricGrader grader, VerificationConfig config) {
        Checks.required(grader, "grader");
        Checks.required(config, "config");
        if (HeuristicRubricGrader.NAME.equals(grader.name())) {
            return grader;
        }
        return new ConfidenceFloorGrader(grader, config.minConfidenceOverride());
    }

    private static IllegalArgumentException missingProvider(String variant, String message) {
        LOG.atWarn()
                .setMessage(VerificationEvents.FACTORY_MISSING_PROVIDER)
                .addKeyValue("variant", variant)
                .log();
        return new IllegalArgumentException(message);
    }

    /** Applies the confidence floor to another grader's results. */
    private static final class ConfidenceFloorGrader implements RubricGrader {
        private final RubricGrader delegate;
        private final Double minConfidenceOverride;

        ConfidenceFloorGrader(RubricGrader delegate, Double minConfidenceOverride) {
            this.delegate = delegate;
            this.minConfidenceOverride = minConfidenceOverride;
        }

        @Override
        public String name() {
            return delegate.name();
        }

        @Override
        public VerificationResult grade(
                HandoffArtifact artifact,
                VerificationRubric rubric,
                List<AtomicProbe> probes,
                String generatorAgentId,
                String evaluatorAgentId) {
            Checks.required(rubric, "rubric");
            VerificationResult result = delegate.grade(artifact, rubric, probes, generatorAgentId, evaluatorAgentId);
            Checks.required(result, "result of grader '" + delegate.name() + "'");
            double floor = minConfidenceOverride == null
                    ? rubric.minConfidence()
                    : Math.max(rubric.minConfidence(), minConfidenceOverride);
            if (result.confidence() < floor && result.verdict() != VerificationVerdict.REFER) {
                LOG.atInfo()
                        .setMessage(VerificationEvents.VERDICT_OVERRIDDEN_TO_REFER)
                        .addKeyValue("rubric_name", rubric.name())
                        .addKeyValue("grader", delegate.name())
                        .addKeyValue("confidence", result.confidence())
                        .addKeyValue("floor", floor)
                        .log();
                return result.withVerdict(VerificationVerdict.REFER);
            }
            return result;
        }
    }
}
