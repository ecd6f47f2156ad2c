package dev.vigil.health.stagnation;

import dev.vigil.health.internal.Validation;
import dev.vigil.spi.settings.Settings;

/**
 * Settings of the {@link ToolRepetitionDetector} (health.md §10).
 *
 * @param windowSize trailing tool turns examined, in [2, 50]
 * @param repetitionThreshold duplicate-fingerprint ratio that counts as stagnation (inclusive), in [0.0, 1.0]
 * @param cycleDetection whether A-B-A-B patterns count as stagnation
 * @param maxCorrections corrective prompts before TERMINATE, &ge; 0 (also honoured by the erosion detector, D8)
 * @param minToolTurns tool turns needed before judging, &ge; 1 and &le; windowSize
 */
public record StagnationConfig(
        int windowSize, double repetitionThreshold, boolean cycleDetection, int maxCorrections, int minToolTurns) {

    /** Every component at its settings.md default: 5, 0.6, true, 1, 2. */
    public static final StagnationConfig DEFAULTS = from(Settings.defaults());

    /** Validates the ranges and the cross-field rule minToolTurns &le; windowSize. */
    public StagnationConfig {
        Validation.intInRange(windowSize, 2, 50, "windowSize");
        Validation.inUnitInterval(repetitionThreshold, "repetitionThreshold");
        Validation.intAtLeast(maxCorrections, 0, "maxCorrections");
        Validation.intAtLeast(minToolTurns, 1, "minToolTurns");
        if (minToolTurns > windowSize) {
            throw new IllegalArgumentException("minToolTurns (" + minToolTurns + ") exceeds windowSize (" + windowSize
                    + ") -- stagnation check will never fire within the window");
        }
    }

    /** Reads the {@code engine.stagnation.*} settings of the tool-repetition detector. */
    public static StagnationConfig from(Settings settings) {
        return new StagnationConfig(
                settings.get(StagnationSettings.WINDOW_SIZE),
                settings.get(StagnationSettings.REPETITION_THRESHOLD),
                settings.get(StagnationSettings.CYCLE_DETECTION),
                settings.get(StagnationSettings.MAX_CORRECTIONS),
                settings.get(StagnationSettings.MIN_TOOL_TURNS));
    }
}
