package dev.vigil.coordination.internal;

import dev.vigil.spi.model.FinishReason;
import dev.vigil.spi.model.Turn;
import java.util.List;

/**
 * The run statistics of coordination.md §6 step 3: turn count, error rate (share of turns that ended in ERROR or
 * CONTENT_FILTER; 0.0 without turns) and Σ totalTokens.
 *
 * @param turns the number of turns
 * @param errorRate failed turns / turns, or 0.0 when there are no turns
 * @param totalTokens Σ turn totalTokens
 */
public record RunStatistics(int turns, double errorRate, long totalTokens) {

    /** Computes the statistics of {@code turns}. */
    public static RunStatistics of(List<Turn> turns) {
        int failed = 0;
        long tokens = 0L;
        for (Turn turn : turns) {
            if (turn.finishReason() == FinishReason.ERROR || turn.finishReason() == FinishReason.CONTENT_FILTER) {
                failed++;
            }
            tokens += turn.totalTokens();
        }
        double errorRate = turns.isEmpty() ? 0.0 : failed / (double) turns.size();
        return new RunStatistics(turns.size(), errorRate, tokens);
    }
}
