package dev.vigil.spi.model;

/**
 * One of K sampled trajectories for the same task (data-model.md §8).
 *
 * @param candidateIndex &ge; 0; unique within one scored set (F6)
 * @param run the trajectory, required
 * @param verbalizedConfidence nullable (not elicited); in [0.0, 100.0]
 * @param traceTokens &ge; 0
 */
public record Candidate(int candidateIndex, Run run, Double verbalizedConfidence, long traceTokens) {

    /** Validates every component. */
    public Candidate {
        Checks.atLeast(candidateIndex, 0, "candidateIndex");
        Checks.required(run, "run");
        if (verbalizedConfidence != null) {
            Checks.inRange(verbalizedConfidence, 0.0, 100.0, "verbalizedConfidence");
        }
        Checks.atLeast(traceTokens, 0L, "traceTokens");
    }

    /** A candidate whose traceTokens are {@code run.totalOutputTokens()}. */
    public static Candidate of(int candidateIndex, Run run, Double verbalizedConfidence) {
        Checks.atLeast(candidateIndex, 0, "candidateIndex");
        Checks.required(run, "run");
        return new Candidate(candidateIndex, run, verbalizedConfidence, run.totalOutputTokens());
    }
}
