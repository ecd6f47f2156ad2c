package dev.vigil.app.ingest;

/**
 * Marks a run as one of K sampled trajectories of its task.
 *
 * @param index unique within the task
 * @param verbalizedConfidence the agent's stated confidence in [0, 100], or null when not elicited
 * @param traceTokens the trace length in tokens, or null to use the run's output tokens
 * @param outcome the known result (e.g. a benchmark reward), or null when unknown
 */
public record CandidateInfo(int index, Double verbalizedConfidence, Long traceTokens, Double outcome) {}
