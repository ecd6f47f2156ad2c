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
}
