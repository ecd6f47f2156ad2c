package dev.vigil.health.stagnation;

import dev.vigil.health.internal.Validation;
import dev.vigil.spi.settings.Settings;

/**
 * Weights of the structural-erosion composite (health.md §11): composite = duplicated x dup + cyclomatic x cyc +
 * deadBranch x dead, clamped to [0, 1].
 *
 * @param duplicated weight of duplicated blocks, in [0.0, 1.0]
 * @param cyclomatic weight of the cyclomatic delta, in [0.0, 1.0]
 * @param deadBranch weight of dead branches, in [0.0, 1.0]
 */
public record ErosionWeights(double duplicated, double cyclomatic, double deadBranch) {

    /** 0.4, 0.4, 0.2. */
    public static final ErosionWeights DEFAULTS = from(Settings.defaults());

    /** Validates each weight. */
    public ErosionWeights {
        Validation.inUnitInterval(duplicated, "duplicated");
        Validation.inUnitInterval(cyclomatic, "cyclomatic");
        Validation.inUnitInterval(deadBranch, "deadBranch");
    }

    /** Reads the {@code engine.erosion.weight_*} settings. */
    public static ErosionWeights from(Settings settings) {
        return new ErosionWeights(
                settings.get(StagnationSettings.EROSION_WEIGHT_DUPLICATED),
                settings.get(StagnationSettings.EROSION_WEIGHT_CYCLOMATIC),
                settings.get(StagnationSettings.EROSION_WEIGHT_DEAD_BRANCH));
    }
}
