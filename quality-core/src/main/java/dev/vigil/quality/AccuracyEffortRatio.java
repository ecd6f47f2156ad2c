package dev.vigil.quality;

import dev.vigil.quality.internal.Checks;
import dev.vigil.spi.model.StepQualitySignal;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How accurate a run was per unit of effort (quality.md §2). Accuracy is the share of CORRECT steps; effort is the
 * number of classified steps relative to the expected number (1.0 when unknown). The ratio accuracy / effort rewards
 * runs that get many steps right without taking more steps than expected; higher is better.
 *
 * @param effort classified steps / expected steps, {@code > 0}
 * @param correctSteps CORRECT signals, {@code >= 0}
 * @param neutralSteps NEUTRAL signals, {@code >= 0}
 * @param incorrectSteps INCORRECT signals, {@code >= 0}
 * @param totalSteps all signals, {@code > 0}; the three counts sum to it
 */
public record AccuracyEffortRatio(
        double effort, int correctSteps, int neutralSteps, int incorrectSteps, int totalSteps) {

    private static final Logger LOG = LoggerFactory.getLogger(AccuracyEffortRatio.class);

    /** Validates the components; the sum rule's message is {@code Step counts (c + n + i = s) do not sum to ...}. */
    public AccuracyEffortRatio {
        Checks.positive(effort, "effort");
        Checks.nonNegative(correctSteps, "correctSteps");
        Checks.nonNegative(neutralSteps, "neutralSteps");
        Checks.nonNegative(incorrectSteps, "incorrectSteps");
        if (totalSteps <= 0) {
            throw new IllegalArgumentException("totalSteps must be > 0, got " + totalSteps);
        }
        long sum = (long) correctSteps + neutralSteps + incorrectSteps;
        if (sum != totalSteps) {
            throw new IllegalArgumentException("Step counts (" + correctSteps + " + " + neutralSteps + " + "
                    + incorrectSteps + " = " + sum + ") do not sum to totalSteps (" + totalSteps + ")");
        }
    }

    /** The share of CORRECT steps, in [0, 1]. */
    public double accuracy() {
        return correctSteps / (double) totalSteps;
    }

    /** accuracy / effort; {@code >= 0}, higher is better. */
    public double ratio() {
        return accuracy() / effort;
    }

    /** The weak-model trap for this ratio under {@code config}; a pure query, see {@link WeakModelTrap}. */
    public WeakModelTrap weakModelTrap(RunQualityConfig config) {
        return WeakModelTrap.check(this, config);
    }

    /**
     * {@link #compute(List, int, RunQualityConfig)} with the default weak-model thresholds.
     *
     * @throws IllegalArgumentException {@code Cannot compute accuracy-effort ratio from empty signals}
     */
    public static AccuracyEffortRatio compute(List<StepQualitySignal> signals, int expectedSteps) {
        return compute(signals, expectedSteps, RunQualityConfig.DEFAULTS);
    }

    /**
     * The ratio of one run from its step signals. The assembly calls this once per run with
     * {@code run.expectedSteps()} and the signals its classifier produced (steps without a signal are left out). It
     * logs info {@code vigil.quality.accuracy_effort_computed}, and warning {@code vigil.quality.weak_model_warning}
     * when the weak-model trap fires; the trap never changes the result.
     *
     * @param signals the run's signals, at least one
     * @param expectedSteps the expected step count; 0 or negative means unknown (effort 1.0)
     * @param config the weak-model thresholds
     * @throws IllegalArgumentException {@code Cannot compute accuracy-effort ratio from empty signals} (after logging
     *     a warning with error and signal_count 0), or when signals holds null
     */
    public static AccuracyEffortRatio compute(
            List<StepQualitySignal> signals, int expectedSteps, RunQualityConfig config) {
        Checks.required(config, "config");
        List<StepQualitySignal> copy = Checks.listCopy(signals, "signals");
        if (copy.isEmpty()) {
            String error = "Cannot compute accuracy-effort ratio from empty signals";
            LOG.atWarn()
                    .setMessage(QualityEvents.ACCURACY_EFFORT_COMPUTED)
                    .addKeyValue("error", error)
                    .addKeyValue("signal_count", 0)
                    .log();
            throw new IllegalArgumentException(error);
        }
        int correct = 0;
        int neutral = 0;
        int incorrect = 0;
        for (StepQualitySignal signal : copy) {
            switch (signal.quality()) {
                case CORRECT -> correct++;
                case NEUTRAL -> neutral++;
                case INCORRECT -> incorrect++;
            }
        }
        int total = copy.size();
        int denominator = expectedSteps > 0 ? expectedSteps : total;
        AccuracyEffortRatio result =
                new AccuracyEffortRatio(total / (double) denominator, correct, neutral, incorrect, total);
        LOG.atInfo()
                .setMessage(QualityEvents.ACCURACY_EFFORT_COMPUTED)
                .addKeyValue("accuracy", result.accuracy())
                .addKeyValue("effort", result.effort())
                .addKeyValue("ratio", result.ratio())
                .addKeyValue("correct", correct)
                .addKeyValue("neutral", neutral)
                .addKeyValue("incorrect", incorrect)
                .addKeyValue("total", total)
                .log();
        WeakModelTrap trap = WeakModelTrap.check(result, config);
        if (trap.triggered()) {
            LOG.atWarn()
                    .setMessage(QualityEvents.WEAK_MODEL_WARNING)
                    .addKeyValue("accuracy", trap.accuracy())
                    .addKeyValue("total_steps", trap.totalSteps())
                    .addKeyValue("detail", WeakModelTrap.DETAIL)
                    .log();
        }
        return result;
    }
}
