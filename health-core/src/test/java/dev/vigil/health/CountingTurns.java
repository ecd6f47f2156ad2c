package dev.vigil.health;

import dev.vigil.spi.model.Turn;
import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * A read-only view of a turn list that counts how many elements are read, to show structurally (not by timing) how
 * much of a run a detector inspects. Iterators of {@link AbstractList} read through {@link #get}, so every access is
 * counted.
 */
public final class CountingTurns extends AbstractList<Turn> implements RandomAccess {

    private final List<Turn> delegate;
    private long reads;
    private long toolTurnReads;

    /** A counting view of {@code delegate}. */
    public CountingTurns(List<Turn> delegate) {
        this.delegate = delegate;
    }

    @Override
    public Turn get(int index) {
        Turn turn = delegate.get(index);
        reads++;
        if (!turn.toolCalls().isEmpty()) {
            toolTurnReads++;
        }
        return turn;
    }

    @Override
    public int size() {
        return delegate.size();
    }

    /** Elements read so far. */
    public long reads() {
        return reads;
    }

    /** Elements read so far that had tool calls. */
    public long toolTurnReads() {
        return toolTurnReads;
    }
}
