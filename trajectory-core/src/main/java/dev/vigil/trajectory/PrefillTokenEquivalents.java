package dev.vigil.trajectory;

import dev.vigil.spi.model.Run;
import dev.vigil.spi.model.Turn;
import java.util.List;

/**
 * Prefill token equivalents (trajectory.md §7): a turn's cost in tokens, where input tokens grow with every earlier
 * tool call (each one evicts cached prefix) and tool-response tokens weigh more than plain output. Per turn, in this
 * order: {@code a = inputTokens * (1.0 + evictionPenalty * priorToolCallCount)}, {@code b = a + outputTokens},
 * {@code pte = b + toolResponseTokens * toolInflationFactor}; per trajectory, the sum over its turns in order.
 */
public final class PrefillTokenEquivalents {

    private PrefillTokenEquivalents() {}

    /** The PTE of one turn. */
    public static double ofTurn(Turn turn, PteConfig config) {
        Checks.required("turn", turn);
        Checks.required("config", config);
        double inflatedInput = turn.inputTokens() * (1.0 + config.evictionPenalty() * turn.priorToolCallCount());
        double withOutput = inflatedInput + turn.outputTokens();
        return withOutput + turn.toolResponseTokens() * config.toolInflationFactor();
    }

    /** The PTE of a trajectory: the sum of its turns' PTE in order, starting at 0.0 (an empty list gives 0.0). */
    public static double ofTurns(List<Turn> turns, PteConfig config) {
        Checks.required("turns", turns);
        Checks.required("config", config);
        double total = 0.0;
        for (Turn turn : turns) {
            total += ofTurn(Checks.required("turn", turn), config);
        }
        return total;
    }

    /** The PTE of a run's turns. */
    public static double ofRun(Run run, PteConfig config) {
        Checks.required("run", run);
        return ofTurns(run.turns(), config);
    }
}
