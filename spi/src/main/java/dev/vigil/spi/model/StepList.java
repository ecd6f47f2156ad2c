package dev.vigil.spi.model;

import java.util.AbstractList;
import java.util.List;
import java.util.Objects;
import java.util.RandomAccess;

/**
 * The immutable step lists a {@link Run} hands out. Their sub-lists are immutable views of the same kind, so a caller
 * that passes "the steps so far" along at every step (a {@code StepContext}) shares them instead of copying the
 * run's history each time, which would make a run's analysis quadratic in its length.
 */
abstract sealed class StepList extends AbstractList<Step> implements RandomAccess
        permits StepList.Stored, StepList.OnePerTurn {

    private final int offset;
    private final int size;

    private StepList(int offset, int size) {
        this.offset = offset;
        this.size = size;
    }

    /** The source's own steps (already validated and copied by the caller). */
    static StepList stored(List<Step> steps) {
        Step[] array = steps.toArray(new Step[0]);
        return new Stored(array, 0, array.length);
    }

    /** One step per turn (F1): step i holds turn i and ends COMPLETED, the last takes {@code lastReason}. */
    static StepList onePerTurn(List<Turn> turns, TerminationReason lastReason) {
        return new OnePerTurn(turns, lastReason, 0, turns.size());
    }

    @Override
    public final Step get(int index) {
        Objects.checkIndex(index, size);
        return at(offset + index);
    }

    @Override
    public final int size() {
        return size;
    }

    @Override
    public final List<Step> subList(int fromIndex, int toIndex) {
        Objects.checkFromToIndex(fromIndex, toIndex, size);
        return view(offset + fromIndex, toIndex - fromIndex);
    }

    /** The step at {@code absoluteIndex} of the whole list. */
    abstract Step at(int absoluteIndex);

    abstract StepList view(int offset, int size);

    /** Steps held in an array nobody else can reach. */
    static final class Stored extends StepList {
        private final Step[] steps;

        private Stored(Step[] steps, int offset, int size) {
            super(offset, size);
            this.steps = steps;
        }

        @Override
        Step at(int absoluteIndex) {
            return steps[absoluteIndex];
        }

        @Override
        StepList view(int offset, int size) {
            return new Stored(steps, offset, size);
        }
    }

    /** Steps made on demand from an immutable turn list, one per turn. */
    static final class OnePerTurn extends StepList {
        private final List<Turn> turns;
        private final TerminationReason lastReason;

        private OnePerTurn(List<Turn> turns, TerminationReason lastReason, int offset, int size) {
            super(offset, size);
            this.turns = turns;
            this.lastReason = lastReason;
        }

        @Override
        Step at(int absoluteIndex) {
            TerminationReason reason = absoluteIndex < turns.size() - 1 ? TerminationReason.COMPLETED : lastReason;
            return new Step(absoluteIndex, List.of(turns.get(absoluteIndex)), reason);
        }

        @Override
        StepList view(int offset, int size) {
            return new OnePerTurn(turns, lastReason, offset, size);
        }
    }
}
