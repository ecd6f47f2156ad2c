package dev.vigil.health.triage;

import dev.vigil.spi.settings.Settings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Thresholds of the built-in {@code persistent_stall} rule (health.md §4): a MEDIUM ticket escalates once its stall
 * reaches {@code stallDurationThresholdSeconds} or its steps without progress reach {@code stepsThreshold} (both
 * inclusive).
 *
 * @param stallDurationThresholdSeconds &ge; 0 (default 60.0)
 * @param stepsThreshold &ge; 0 (default 5)
 */
public record TriageConfig(double stallDurationThresholdSeconds, int stepsThreshold) {

    private static final Logger LOG = LoggerFactory.getLogger(TriageChain.class);

    /** 60.0 s and 5 steps. */
    public static final TriageConfig DEFAULTS = from(Settings.defaults());

    /** Validates both thresholds; a violation first logs {@code vigil.health.triage_config_error}. */
    public TriageConfig {
        if (!(stallDurationThresholdSeconds >= 0.0) || Double.isInfinite(stallDurationThresholdSeconds)) {
            configError("stallDurationThresholdSeconds", stallDurationThresholdSeconds);
            throw new IllegalArgumentException(
                    Double.isFinite(stallDurationThresholdSeconds)
                            ? "stallDurationThresholdSeconds must be >= 0, got " + stallDurationThresholdSeconds
                            : "stallDurationThresholdSeconds must be finite, got " + stallDurationThresholdSeconds);
        }
        if (stepsThreshold < 0) {
            configError("stepsThreshold", stepsThreshold);
            throw new IllegalArgumentException("stepsThreshold must be >= 0, got " + stepsThreshold);
        }
    }

    /** Reads {@code engine.health.triage.stall_duration_threshold_seconds} and {@code steps_threshold}. */
    public static TriageConfig from(Settings settings) {
        return new TriageConfig(
                settings.get(TriageSettings.STALL_DURATION_THRESHOLD_SECONDS),
                settings.get(TriageSettings.STEPS_THRESHOLD));
    }

    private static void configError(String parameter, Object value) {
        LOG.atWarn()
                .setMessage("vigil.health.triage_config_error")
                .addKeyValue("parameter", parameter)
                .addKeyValue("value", value)
                .log();
    }
}
