package dev.vigil.health.stagnation;

import dev.vigil.spi.settings.Settings;
import java.util.Objects;
import java.util.Optional;

/** Builds the stagnation detector a strategy names (health.md §10): none for {@code off}. */
public final class StagnationDetectors {

    private StagnationDetectors() {}

    /** The detector for {@code engine.stagnation.strategy} and its settings, or empty for {@code off}. */
    public static Optional<StagnationDetector> fromSettings(Settings settings) {
        return create(
                settings.get(StagnationSettings.STRATEGY),
                StagnationConfig.from(settings),
                QualityErosionConfig.from(settings),
                ErosionWeights.from(settings));
    }

    /**
     * The detector for {@code strategy}: a {@link ToolRepetitionDetector}, a {@link QualityErosionDetector} (which
     * takes {@code maxCorrections} from {@code stagnation}, D8), or empty for OFF.
     */
    public static Optional<StagnationDetector> create(
            StagnationStrategy strategy,
            StagnationConfig stagnation,
            QualityErosionConfig erosion,
            ErosionWeights weights) {
        Objects.requireNonNull(strategy, "strategy");
        switch (strategy) {
            case OFF:
                return Optional.empty();
            case TOOL_REPETITION:
                return Optional.of(new ToolRepetitionDetector(stagnation));
            case QUALITY_EROSION:
                return Optional.of(new QualityErosionDetector(erosion, stagnation.maxCorrections(), weights));
            default:
                throw new IllegalStateException("unhandled strategy " + strategy);
        }
    }
}
