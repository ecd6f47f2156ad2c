package dev.vigil.app.eval;

import dev.vigil.spi.model.StepQuality;
import java.util.Objects;

/**
 * Counts of human label × predicted label. Rows are the three {@link StepQuality} values; columns are the three values
 * plus "none" (the classifier gave no answer).
 */
public final class ConfusionMatrix {

    private static final int NONE = StepQuality.values().length;

    private final int[][] counts = new int[StepQuality.values().length][StepQuality.values().length + 1];

    /** Counts one labelled step. */
    void add(StepQuality actual, StepQuality predicted) {
        Objects.requireNonNull(actual, "actual");
        counts[actual.ordinal()][predicted == null ? NONE : predicted.ordinal()]++;
    }

    /** Steps labelled {@code actual} and predicted {@code predicted} (null: no answer). */
    public int count(StepQuality actual, StepQuality predicted) {
        Objects.requireNonNull(actual, "actual");
        return counts[actual.ordinal()][predicted == null ? NONE : predicted.ordinal()];
    }
}
