package dev.vigil.trajectory;

import dev.vigil.spi.settings.Settings;

/**
 * Weights of the prefill-token-equivalent formula (trajectory.md §7).
 *
 * @param evictionPenalty input-cost inflation per prior tool call (cache eviction), in [0.0, 1.0]
 * @param toolInflationFactor weight of tool-response tokens, in [1.0, 5.0]
 */
public record PteConfig(double evictionPenalty, double toolInflationFactor) {

    /** Every component at its settings.md default (0.3, 1.5). */
    public static final PteConfig DEFAULTS = from(Settings.defaults());

    /** Validates both weights. */
    public PteConfig {
        Checks.inUnitInterval("evictionPenalty", evictionPenalty);
        Checks.between("toolInflationFactor", toolInflationFactor, 1.0, 5.0);
    }

    /** Builds the config from resolved settings. */
    public static PteConfig from(Settings settings) {
        Checks.required("settings", settings);
        return new PteConfig(
                settings.get(TrajectorySettings.PTE_EVICTION_PENALTY),
                settings.get(TrajectorySettings.PTE_TOOL_INFLATION_FACTOR));
    }
}
