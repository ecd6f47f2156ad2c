package dev.vigil.health.stagnation;

import dev.vigil.spi.model.StagnationResult;
import dev.vigil.spi.model.Turn;
import java.util.List;

/**
 * Decides after a step whether the run is stuck. Implementations look only at a trailing window of tool turns, so a
 * check costs O(window) whatever the run length; they read {@code turns} from the end (random access or a backward
 * {@link java.util.ListIterator}) and never walk the whole list.
 */
public interface StagnationDetector {

    /** The detector type, the wire name of its {@link StagnationStrategy}. */
    String type();

    /**
     * Checks the run's turns so far.
     *
     * @param turns the run's turns up to and including the current step's last turn, in order; turns without tool
     *     calls may be left out, since no built-in detector looks at them
     * @param correctionsInjected corrective prompts already injected in this run (&ge; 0)
     * @return NO_STAGNATION, INJECT_PROMPT (while corrections remain) or TERMINATE; never null
     */
    StagnationResult check(List<Turn> turns, int correctionsInjected);
}
