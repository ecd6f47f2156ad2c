package dev.vigil.quality;

import dev.vigil.quality.internal.Checks;

/**
 * The weak-model trap (quality.md §2 step 5): a run with very few steps and high accuracy looks efficient, but the
 * model may simply have quit early. It fires when the number of signals is at most
 * {@code engine.quality.weak_model_max_steps} (2) and the accuracy is at least
 * {@code engine.quality.weak_model_min_accuracy} (0.8). It is a warning for reports; it never changes the ratio.
 *
 * <p>{@link #check} is a pure query for reports. {@link AccuracyEffortRatio#compute(java.util.List, int,
 * RunQualityConfig)} runs the same check and logs {@code vigil.quality.weak_model_warning} when it fires.
 *
 * @param triggered whether the trap fired
 * @param accuracy the run's accuracy
 * @param totalSteps the number of signals in the run
 */
public record WeakModelTrap(boolean triggered, double accuracy, int totalSteps) {

    /** The warning text logged (field {@code detail}) and shown when the trap fires. */
    public static final String DETAIL = "High accuracy with very few steps -- model may be terminating early rather"
            + " than being genuinely efficient";

    /** Validates accuracy in [0.0, 1.0] and totalSteps {@code > 0}. */
    public WeakModelTrap {
        Checks.unitInterval(accuracy, "accuracy");
        if (totalSteps <= 0) {
            throw new IllegalArgumentException("totalSteps must be > 0, got " + totalSteps);
        }
    }

    /** Whether {@code ratio} trips the trap under {@code config}; no logging. */
    public static WeakModelTrap check(AccuracyEffortRatio ratio, RunQualityConfig config) {
        Checks.required(ratio, "ratio");
        Checks.required(config, "config");
        boolean triggered =
                ratio.totalSteps() <= config.weakModelMaxSteps() && ratio.accuracy() >= config.weakModelMinAccuracy();
        return new WeakModelTrap(triggered, ratio.accuracy(), ratio.totalSteps());
    }

    /** {@link #DETAIL} when the trap fired, else null. */
    public String detail() {
        return triggered ? DETAIL : null;
    }
}
