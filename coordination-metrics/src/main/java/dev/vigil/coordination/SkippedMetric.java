package dev.vigil.coordination;

import dev.vigil.coordination.internal.Checks;

/**
 * Why one metric of a collection is null, in words a report can show, e.g. {@code baseline is empty (no single-agent
 * run recorded yet)}.
 *
 * @param metric the metric left null
 * @param reason why, NotBlank
 */
public record SkippedMetric(MetricName metric, String reason) {

    public SkippedMetric {
        Checks.notNull("metric", metric);
        Checks.notBlank("reason", reason);
    }
}
