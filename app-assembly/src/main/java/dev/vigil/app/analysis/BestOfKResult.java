package dev.vigil.app.analysis;

import java.util.List;

/**
 * Offline best-of-K selection for one task's recorded candidates.
 *
 * @param taskId the task
 * @param candidates each candidate with its scores, in candidate-index order
 * @param selectedIndex the chosen candidate's index, or null when none could be chosen
 * @param selectedRunId the chosen candidate's run
 * @param note how the choice was made, or why none was
 */
public record BestOfKResult(
        String taskId, List<CandidateScore> candidates, Integer selectedIndex, String selectedRunId, String note) {

    public BestOfKResult {
        candidates = List.copyOf(candidates);
    }

    /**
     * One candidate's standing.
     *
     * @param index candidate index
     * @param runId its run
     * @param consistent whether it agrees with the majority
     * @param jointScore the scorer's joint score
     * @param verbalizedConfidence stated confidence, or null
     * @param traceTokens trace length
     * @param outcome known outcome, or null
     */
    public record CandidateScore(
            int index,
            String runId,
            boolean consistent,
            double jointScore,
            Double verbalizedConfidence,
            long traceTokens,
            Double outcome) {}
}
