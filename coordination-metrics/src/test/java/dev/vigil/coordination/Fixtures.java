package dev.vigil.coordination;

import dev.vigil.spi.model.FinishReason;
import dev.vigil.spi.model.Run;
import dev.vigil.spi.model.TerminationReason;
import dev.vigil.spi.model.Turn;
import java.util.ArrayList;
import java.util.List;

/** Small builders for runs used across the tests. */
final class Fixtures {

    private Fixtures() {}

    /** {@code count} STOP turns of {@code latencyMs} each, {@code tokens} output tokens each. */
    static List<Turn> turns(int count, double latencyMs, long tokens) {
        List<Turn> turns = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            turns.add(Turn.builder(i, FinishReason.STOP)
                    .outputTokens(tokens)
                    .latencyMs(latencyMs)
                    .build());
        }
        return turns;
    }

    /** Turns with the given finish reasons, 1000 ms each. */
    static List<Turn> turns(FinishReason... reasons) {
        List<Turn> turns = new ArrayList<>();
        for (int i = 0; i < reasons.length; i++) {
            turns.add(Turn.builder(i + 1, reasons[i]).latencyMs(1000.0).build());
        }
        return turns;
    }

    /** A completed run of {@code agent} over {@code turns}. */
    static Run run(String runId, String agent, String task, List<Turn> turns) {
        return Run.builder(runId, agent, task, TerminationReason.COMPLETED)
                .turns(turns)
                .build();
    }

    /** A single-agent baseline run: {@code turns} turns of 1 s and 10 output tokens each. */
    static Run baselineRun(String runId, int turns) {
        return run(runId, "solo", "task-1", turns(turns, 1000.0, 10));
    }
}
