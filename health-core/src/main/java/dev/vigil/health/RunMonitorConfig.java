package dev.vigil.health;

import dev.vigil.health.stagnation.ErosionWeights;
import dev.vigil.health.stagnation.QualityErosionConfig;
import dev.vigil.health.stagnation.StagnationConfig;
import dev.vigil.health.stagnation.StagnationStrategy;
import dev.vigil.spi.settings.Settings;
import java.util.Objects;

/**
 * The per-run switches and stagnation settings a {@link RunHealthMonitor} reads once, at run start (health.md §3).
 *
 * @param monitoringEnabled {@code engine.health.monitoring_enabled}: when false, stagnation is still checked (the
 *     classifier needs it) but nothing is judged
 * @param incrementalEnabled {@code engine.health.incremental_enabled}: judge after every step (D10), not only at the end
 * @param strategy {@code engine.stagnation.strategy}
 * @param stagnation the tool-repetition settings (its maxCorrections also bounds the erosion detector)
 * @param erosion the quality-erosion detector settings
 * @param erosionWeights the structural-erosion composite weights
 */
public record RunMonitorConfig(
        boolean monitoringEnabled,
        boolean incrementalEnabled,
        StagnationStrategy strategy,
        StagnationConfig stagnation,
        QualityErosionConfig erosion,
        ErosionWeights erosionWeights) {

    /** Every setting at its default. */
    public static final RunMonitorConfig DEFAULTS = from(Settings.defaults());

    /** Requires every component. */
    public RunMonitorConfig {
        Objects.requireNonNull(strategy, "strategy");
        Objects.requireNonNull(stagnation, "stagnation");
        Objects.requireNonNull(erosion, "erosion");
        Objects.requireNonNull(erosionWeights, "erosionWeights");
    }

    /** Reads the settings; call once per run (they are live). */
    public static RunMonitorConfig from(Settings settings) {
        return new RunMonitorConfig(
                settings.get(HealthSettings.MONITORING_ENABLED),
                settings.get(HealthSettings.INCREMENTAL_ENABLED),
                settings.get(HealthSettings.STAGNATION_STRATEGY),
                StagnationConfig.from(settings),
                QualityErosionConfig.from(settings),
                ErosionWeights.from(settings));
    }

    /** This config with another strategy. */
    public RunMonitorConfig withStrategy(StagnationStrategy value) {
        return new RunMonitorConfig(monitoringEnabled, incrementalEnabled, value, stagnation, erosion, erosionWeights);
    }

    /** This config with monitoring and incremental judging switched as given. */
    public RunMonitorConfig withMonitoring(boolean monitoring, boolean incremental) {
        return new RunMonitorConfig(monitoring, incremental, strategy, stagnation, erosion, erosionWeights);
    }
}
