package dev.vigil.quality;

import dev.vigil.quality.internal.Checks;
import dev.vigil.spi.settings.Settings;

/**
 * Per-run quality thresholds: the weak-model trap and the prompt-token overhead flag (settings.md §2, live settings).
 *
 * @param weakModelMaxSteps runs with at most this many signals can trip the trap, {@code >= 1}
 *     ({@code engine.quality.weak_model_max_steps}, 2)
 * @param weakModelMinAccuracy accuracy at or above which the trap fires, in [0.0, 1.0]
 *     ({@code engine.quality.weak_model_min_accuracy}, 0.8)
 * @param promptTokenRatioWarn prompt-token share strictly above which reports flag overhead, in [0.0, 1.0]
 *     ({@code engine.quality.prompt_token_ratio_warn}, 0.3)
 */
public record RunQualityConfig(int weakModelMaxSteps, double weakModelMinAccuracy, double promptTokenRatioWarn) {

    /** The settings.md defaults (2, 0.8, 0.3). */
    public static final RunQualityConfig DEFAULTS = from(Settings.defaults());

    /** Validates the ranges above with the spec's standard messages. */
    public RunQualityConfig {
        if (weakModelMaxSteps < 1) {
            throw new IllegalArgumentException("weakModelMaxSteps must be >= 1, got " + weakModelMaxSteps);
        }
        Checks.unitInterval(weakModelMinAccuracy, "weakModelMinAccuracy");
        Checks.unitInterval(promptTokenRatioWarn, "promptTokenRatioWarn");
    }

    /** The config from resolved settings. */
    public static RunQualityConfig from(Settings settings) {
        return new RunQualityConfig(
                settings.get(QualitySettings.WEAK_MODEL_MAX_STEPS),
                settings.get(QualitySettings.WEAK_MODEL_MIN_ACCURACY),
                settings.get(QualitySettings.PROMPT_TOKEN_RATIO_WARN));
    }
}
