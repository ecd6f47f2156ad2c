package dev.vigil.coordination;

import dev.vigil.coordination.internal.Checks;
import java.time.Instant;

/**
 * One collection as the {@link CoordinationMetricsStore} keeps it (coordination.md §6 step 8).
 *
 * @param taskId the task, NotBlank
 * @param runId the team run, NotBlank
 * @param agentId always null for team runs (the record describes the team, not one agent)
 * @param computedAt when the metrics were collected (the collector's clock)
 * @param teamSize the team size, >= 1
 * @param metrics the nine metrics, as returned by the collector
 */
public record CoordinationMetricsRecord(
        String taskId, String runId, String agentId, Instant computedAt, int teamSize, CoordinationMetrics metrics) {

    public CoordinationMetricsRecord {
        Checks.notBlank("taskId", taskId);
        Checks.notBlank("runId", runId);
        Checks.notNull("computedAt", computedAt);
        if (teamSize < 1) {
            throw new IllegalArgumentException("teamSize must be >= 1, got " + teamSize);
        }
        Checks.notNull("metrics", metrics);
    }
}
