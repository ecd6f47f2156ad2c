package dev.vigil.spi.plugin;

import dev.vigil.spi.model.StagnationResult;
import dev.vigil.spi.model.StepQualitySignal;
import dev.vigil.spi.model.TerminationReason;
import dev.vigil.spi.model.Turn;
import java.util.List;

/**
 * Labels one step of a run {@code CORRECT}, {@code NEUTRAL} or {@code INCORRECT}. Called once per step, after the
 * step's stagnation check, under the host's call timeout; a classifier that throws, hangs or returns null gives the
 * step no signal and is reported.
 */
public interface StepClassifier {

    /** The provider name this classifier was created under. */
    String name();

    /**
     * Classifies one step.
     *
     * @param stepIndex 0-based index of the step in its run
     * @param turns the step's turns, in order (may be empty)
     * @param terminationReason why the step ended
     * @param stagnation the stagnation verdict for this step, or null when detection is off
     */
    StepQualitySignal classify(
            int stepIndex, List<Turn> turns, TerminationReason terminationReason, StagnationResult stagnation);

    /**
     * Classifies one step with the run's context (earlier steps, task metadata). The host calls this method; the
     * default ignores the context and delegates to {@link #classify(int, List, TerminationReason, StagnationResult)},
     * so a classifier that needs only the step implements that one.
     *
     * @since 0.1
     */
    default StepQualitySignal classify(StepContext context) {
        return classify(
                context.step().stepIndex(),
                context.step().turns(),
                context.step().terminationReason(),
                context.stagnation());
    }
}
