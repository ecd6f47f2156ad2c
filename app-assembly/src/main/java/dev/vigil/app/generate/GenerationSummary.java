package dev.vigil.app.generate;

import java.util.Map;

/**
 * What a generation wrote, in the terms of {@code vigil analyze}'s summary so that the two can be compared.
 *
 * @param runs single-agent runs (best-of-K candidates included)
 * @param steps steps of those runs (team runs' steps are not counted, as in the analysis summary)
 * @param teamRuns team runs
 * @param bestOfKGroups tasks whose runs are best-of-K candidates
 * @param candidateRuns runs that are best-of-K candidates
 * @param scenarios single-agent runs per scenario (clean, stagnation loop, ...), in a fixed order
 * @param bytes bytes written
 */
public record GenerationSummary(
        int runs,
        long steps,
        int teamRuns,
        int bestOfKGroups,
        int candidateRuns,
        Map<String, Integer> scenarios,
        long bytes) {

    /** Copies the scenario counts. */
    public GenerationSummary {
        scenarios = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(scenarios));
    }
}
