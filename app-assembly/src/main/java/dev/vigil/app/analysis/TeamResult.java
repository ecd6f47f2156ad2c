package dev.vigil.app.analysis;

import java.util.List;
import java.util.Map;

/**
 * Coordination metrics for one team run.
 *
 * @param teamRunId the team run
 * @param taskId the task
 * @param agents distinct agents
 * @param messages this team run's message count, or null when not recorded
 * @param metrics computed metrics by wire name (null-valued metrics are left out)
 * @param alerts overhead and ratio alerts, in words
 * @param skipped metrics that could not be computed, with the reason
 * @param origin where the team run came from
 * @param members each agent's run, analysed step by step like a single run (labels, tickets)
 */
public record TeamResult(
        String teamRunId,
        String taskId,
        int agents,
        Integer messages,
        Map<String, Object> metrics,
        List<String> alerts,
        List<String> skipped,
        String origin,
        List<RunResult> members) {

    public TeamResult {
        metrics = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(metrics));
        alerts = List.copyOf(alerts);
        skipped = List.copyOf(skipped);
        members = List.copyOf(members);
    }
}
