package dev.vigil.trajectory;

import dev.vigil.spi.model.Candidate;
import dev.vigil.spi.model.FinishReason;
import dev.vigil.spi.model.Run;
import dev.vigil.spi.model.TerminationReason;
import dev.vigil.spi.model.ToolCall;
import dev.vigil.spi.model.Turn;
import java.util.Map;

/** Small builders for test candidates and turns. */
final class Fixtures {

    private Fixtures() {}

    /** A run of task {@code taskId} whose single turn calls the named tools with empty arguments. */
    static Run run(String taskId, String... lastTurnTools) {
        Turn.Builder turn = Turn.builder(1, lastTurnTools.length == 0 ? FinishReason.STOP : FinishReason.TOOL_USE);
        for (String tool : lastTurnTools) {
            turn.toolCall(ToolCall.of(tool, Map.of()));
        }
        return Run.builder("run-" + taskId, "agent", taskId, TerminationReason.COMPLETED)
                .turn(turn.build())
                .build();
    }

    /** A candidate of task "t" with the given VC (nullable), trace tokens and last-turn tools. */
    static Candidate candidate(int index, Double vc, long traceTokens, String... lastTurnTools) {
        return new Candidate(index, run("t", lastTurnTools), vc, traceTokens);
    }

    /** A turn for PTE tests. */
    static Turn pteTurn(int number, long input, long output, int priorToolCalls, long toolResponseTokens) {
        return Turn.builder(number, FinishReason.STOP)
                .inputTokens(input)
                .outputTokens(output)
                .priorToolCallCount(priorToolCalls)
                .toolResponseTokens(toolResponseTokens)
                .build();
    }

    /** A plain candidate for index i (no VC, 100 tokens, no tool calls). */
    static Candidate candidateOf(int index) {
        return candidate(index, null, 100);
    }
}
