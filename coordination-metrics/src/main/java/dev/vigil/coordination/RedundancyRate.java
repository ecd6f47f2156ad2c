package dev.vigil.coordination;

import dev.vigil.coordination.internal.Checks;

/**
 * How much the agents' outputs repeat each other: the exact mean of the pairwise similarities, in [0, 1].
 *
 * <p>Rejections: {@code value must be in [0.0, 1.0], got <v>}, {@code value must be finite, got <v>},
 * {@code sampleCount must be >= 0, got <v>}.
 *
 * @param value mean similarity, in [0, 1]
 * @param sampleCount number of similarity values averaged, >= 0
 */
public record RedundancyRate(double value, int sampleCount) {

    public RedundancyRate {
        Checks.unitInterval("value", value);
        Checks.nonNegative("sampleCount", sampleCount);
    }
}
