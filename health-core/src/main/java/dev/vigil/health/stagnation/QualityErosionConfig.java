package dev.vigil.health.stagnation;

import dev.vigil.health.internal.Validation;
import dev.vigil.spi.settings.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settings of the {@link QualityErosionDetector} (health.md §10).
 *
 * @param threshold the erosion composite at or above which the run counts as stagnating, in [0.0, 1.0]
 * @param windowSize trailing tool turns the composite looks at, in [2, 50]
 */
public record QualityErosionConfig(double threshold, int windowSize) {

    private static final Logger LOG = LoggerFactory.getLogger(QualityErosionDetector.class);

    /** threshold 0.5, windowSize 10. */
    public static final QualityErosionConfig DEFAULTS = from(Settings.defaults());

    /** Validates both components; each failure first logs {@code vigil.stagnation.quality_erosion_config_error}. */
    public QualityErosionConfig {
        try {
            Validation.inUnitInterval(threshold, "threshold");
        } catch (IllegalArgumentException e) {
            configError("threshold", threshold, "[0.0, 1.0]");
            throw e;
        }
        try {
            Validation.intInRange(windowSize, 2, 50, "windowSize");
        } catch (IllegalArgumentException e) {
            configError("windowSize", windowSize, "[2, 50]");
            throw e;
        }
    }

    /** Reads {@code engine.stagnation.erosion_threshold} and {@code engine.stagnation.erosion_window_size}. */
    public static QualityErosionConfig from(Settings settings) {
        return new QualityErosionConfig(
                settings.get(StagnationSettings.EROSION_THRESHOLD),
                settings.get(StagnationSettings.EROSION_WINDOW_SIZE));
    }

    private static void configError(String field, Object value, String bounds) {
        LOG.atWarn()
                .setMessage("vigil.stagnation.quality_erosion_config_error")
                .addKeyValue("field", field)
                .addKeyValue("value", value)
                .addKeyValue("bounds", bounds)
                .log();
    }
}
