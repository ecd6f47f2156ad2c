package dev.vigil.coordination;

import dev.vigil.coordination.internal.Checks;
import java.time.Instant;

/**
 * One single-agent run as the baseline remembers it (coordination.md §4).
 *
 * <p>Rejections: {@code agentId must not be blank}, {@code taskId must not be blank}, {@code turns must be > 0, got
 * <v>}, {@code errorRate must be in [0.0, 1.0], got <v>}, {@code totalTokens must be >= 0, got <v>}, {@code
 * durationSeconds must be >= 0, got <v>}, {@code <name> must be finite, got <v>}, {@code timestamp must not be null}.
 *
 * @param agentId the agent, NotBlank
 * @param taskId the task, NotBlank
 * @param turns the run's turns, > 0
 * @param errorRate share of turns that ended in ERROR or CONTENT_FILTER, in [0, 1]
 * @param totalTokens the run's tokens, >= 0
 * @param durationSeconds the run's duration (F2), >= 0
 * @param timestamp when the record was taken
 */
public record BaselineRecord(
        String agentId,
        String taskId,
        double turns,
        double errorRate,
        double totalTokens,
        double durationSeconds,
        Instant timestamp) {

    public BaselineRecord {
        Checks.notBlank("agentId", agentId);
        Checks.notBlank("taskId", taskId);
        Checks.positive("turns", turns);
        Checks.unitInterval("errorRate", errorRate);
        Checks.nonNegative("totalTokens", totalTokens);
        Checks.nonNegative("durationSeconds", durationSeconds);
        Checks.notNull("timestamp", timestamp);
    }

    /** A record stamped now. */
    public BaselineRecord(
            String agentId, String taskId, double turns, double errorRate, double totalTokens, double durationSeconds) {
        this(agentId, taskId, turns, errorRate, totalTokens, durationSeconds, Instant.now());
    }
}
