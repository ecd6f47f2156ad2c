package dev.vigil.spi.model;

import java.util.List;

/**
 * One step of a run: a group of consecutive turns with the reason the step ended (data-model.md §5).
 *
 * @param stepIndex 0-based, &ge; 0
 * @param turns may be empty; strictly increasing turnNumber; null means empty
 * @param terminationReason why the step ended, required
 * @param label nullable ground-truth label from the source, used only to evaluate a classifier
 */
public record Step(int stepIndex, List<Turn> turns, TerminationReason terminationReason, StepQuality label) {

    /** Validates the components and copies the turns. */
    public Step {
        Checks.atLeast(stepIndex, 0, "stepIndex");
        turns = Checks.copyList(turns, "turns");
        Checks.strictlyIncreasing(turns);
        Checks.required(terminationReason, "terminationReason");
    }

    /**
     * An unmodifiable copy of {@code steps}. The step lists a {@link Run} hands out, and their sub-lists, are immutable
     * already and come back as they are, so passing a run's earlier steps along at every step costs nothing.
     *
     * @throws NullPointerException for a null list or a null element
     */
    public static List<Step> copyOf(List<Step> steps) {
        return steps instanceof StepList ? steps : List.copyOf(steps);
    }

    /** A step without a ground-truth label. */
    public Step(int stepIndex, List<Turn> turns, TerminationReason terminationReason) {
        this(stepIndex, turns, terminationReason, null);
    }
}
