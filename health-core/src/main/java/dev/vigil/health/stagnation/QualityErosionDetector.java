package dev.vigil.health.stagnation;

import dev.vigil.health.internal.Validation;
import dev.vigil.spi.model.StagnationReason;
import dev.vigil.spi.model.StagnationResult;
import dev.vigil.spi.model.StagnationVerdict;
import dev.vigil.spi.model.Turn;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Detects a run whose recent tool use is eroding (health.md §10.2): when the structural-erosion composite over the
 * last {@code windowSize} tool turns reaches the threshold, it asks for a corrective prompt while corrections remain
 * ({@code maxCorrections}, D8) and to terminate after that.
 */
public final class QualityErosionDetector implements StagnationDetector {

    private static final Logger LOG = LoggerFactory.getLogger(QualityErosionDetector.class);

    private final QualityErosionConfig config;
    private final int maxCorrections;
    private final ErosionWeights weights;

    /** A detector with the default composite weights (0.4, 0.4, 0.2). */
    public QualityErosionDetector(QualityErosionConfig config, int maxCorrections) {
        this(config, maxCorrections, ErosionWeights.DEFAULTS);
    }

    /** A detector with explicit composite weights ({@code engine.erosion.weight_*}). */
    public QualityErosionDetector(QualityErosionConfig config, int maxCorrections, ErosionWeights weights) {
        this.config = Objects.requireNonNull(config, "config");
        this.maxCorrections = Validation.intAtLeast(maxCorrections, 0, "maxCorrections");
        this.weights = Objects.requireNonNull(weights, "weights");
    }

    @Override
    public String type() {
        return StagnationStrategy.QUALITY_EROSION.wireName();
    }

    @Override
    public StagnationResult check(List<Turn> turns, int correctionsInjected) {
        if (correctionsInjected < 0) {
            throw new IllegalArgumentException("correctionsInjected must be >= 0, got " + correctionsInjected);
        }
        double score = StructuralErosion.composite(turns, config.windowSize(), weights);
        if (score < config.threshold()) {
            LOG.atDebug()
                    .setMessage("vigil.stagnation.check_performed")
                    .addKeyValue("verdict", StagnationVerdict.NO_STAGNATION.wireName())
                    .addKeyValue("detector", type())
                    .addKeyValue("erosion_score", score)
                    .addKeyValue("threshold", config.threshold())
                    .log();
            return StagnationResult.NO_STAGNATION;
        }
        LOG.atInfo()
                .setMessage("vigil.stagnation.quality_detected")
                .addKeyValue("erosion_score", score)
                .addKeyValue("threshold", config.threshold())
                .addKeyValue("corrections_injected", correctionsInjected)
                .addKeyValue("window_size", config.windowSize())
                .log();
        Map<String, Object> details = Map.of("erosion_score", score);
        if (correctionsInjected < maxCorrections) {
            return new StagnationResult(
                    StagnationVerdict.INJECT_PROMPT,
                    StagnationReason.QUALITY_EROSION,
                    correctiveMessage(score),
                    0.0,
                    null,
                    details);
        }
        return new StagnationResult(
                StagnationVerdict.TERMINATE, StagnationReason.QUALITY_EROSION, null, 0.0, null, details);
    }

    private static String correctiveMessage(double score) {
        return "[SYSTEM INTERVENTION: Quality erosion detected -- your recent output shows rising structural"
                + " degradation (duplicated blocks, increasing complexity, unused tool calls). Erosion score: "
                + String.format(Locale.ROOT, "%.2f", score)
                + ". Simplify your approach: reduce redundant tool calls, avoid repeating prior outputs, and focus on"
                + " the most direct path to completion.]";
    }
}
