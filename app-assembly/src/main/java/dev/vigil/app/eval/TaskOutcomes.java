package dev.vigil.app.eval;

import java.util.List;
import java.util.Objects;

/**
 * One task's K recorded candidates with their known outcomes, and the candidate a selection picked.
 *
 * @param taskId the task
 * @param candidates the candidates, in input order; at least one
 * @param selectedIndex the candidateIndex the configured selection picked
 */
public record TaskOutcomes(String taskId, List<CandidateOutcome> candidates, int selectedIndex) {

    /**
     * One candidate.
     *
     * @param index its candidateIndex, unique within the task
     * @param outcome its known outcome (e.g. a τ-bench reward, an AgentProcessBench final label)
     * @param traceTokens its trace length in tokens (estimated when the source has none)
     */
    public record CandidateOutcome(int index, double outcome, long traceTokens) {

        /** The outcome as success in [0, 1]: clamped, so a -1/1 label counts as 0/1 and a 0/1 reward as itself. */
        public double success() {
            return Math.max(0.0, Math.min(1.0, outcome));
        }
    }

    /** Requires at least one candidate and a selected index among them. */
    public TaskOutcomes {
        Objects.requireNonNull(taskId, "taskId");
        candidates = List.copyOf(candidates);
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("candidates must not be empty");
        }
        if (candidates.stream().noneMatch(c -> c.index() == selectedIndex)) {
            throw new IllegalArgumentException("selectedIndex " + selectedIndex + " is not a candidate of " + taskId);
        }
    }

    /** The success of the selected candidate. */
    public double selectedSuccess() {
        return candidates.stream()
                .filter(c -> c.index() == selectedIndex)
                .findFirst()
                .orElseThrow()
                .success();
    }

    /** The mean success of the candidates: the expected success of a uniformly random choice. */
    public double meanSuccess() {
        return candidates.stream()
                .mapToDouble(CandidateOutcome::success)
                .average()
                .orElseThrow();
    }

    /** The success of the shortest candidate (fewest trace tokens; the first on a tie). */
    public double shortestSuccess() {
        CandidateOutcome shortest = candidates.get(0);
        for (CandidateOutcome candidate : candidates) {
            if (candidate.traceTokens() < shortest.traceTokens()) {
                shortest = candidate;
            }
        }
        return shortest.success();
    }

    /** The best success of any candidate: what a perfect selection would reach. */
    public double oracleSuccess() {
        return candidates.stream().mapToDouble(CandidateOutcome::success).max().orElseThrow();
    }
}
