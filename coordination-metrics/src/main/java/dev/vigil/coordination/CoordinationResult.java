package dev.vigil.coordination;

import dev.vigil.coordination.internal.Checks;
import java.util.ArrayList;
import java.util.List;

/**
 * What one {@link CoordinationMetricsCollector#collect} call produced, ready for a report: the nine nullable metrics,
 * the overhead alerts raised, and one {@link SkippedMetric} per null metric saying why it is null.
 *
 * <p>The nine metric accessors ({@link #efficiency()} ... {@link #messageOverhead()}) read through to {@link
 * #metrics()}, so a report can use either.
 *
 * @param runId the run or team run measured
 * @param taskId its task
 * @param teamSize its team size
 * @param multiAgent true for a team run; single-agent runs only feed the baseline
 * @param metrics the nine metrics ({@link CoordinationMetrics#EMPTY} when disabled or for a single-agent run)
 * @param alerts overhead alerts, at most one
 * @param skipped why each null metric is null, in metric order
 */
public record CoordinationResult(
        String runId,
        String taskId,
        int teamSize,
        boolean multiAgent,
        CoordinationMetrics metrics,
        List<OverheadAlert> alerts,
        List<SkippedMetric> skipped) {

    public CoordinationResult {
        Checks.notNull("metrics", metrics);
        alerts = Checks.copyList("alerts", alerts);
        skipped = Checks.copyList("skipped", skipped);
    }

    /** A result without metrics: every metric skipped for the same {@code reason}. */
    static CoordinationResult nothingCollected(
            String runId, String taskId, int teamSize, boolean multiAgent, String reason) {
        List<SkippedMetric> skipped = new ArrayList<>();
        for (MetricName metric : MetricName.values()) {
            skipped.add(new SkippedMetric(metric, reason));
        }
        return new CoordinationResult(
                runId, taskId, teamSize, multiAgent, CoordinationMetrics.EMPTY, List.of(), skipped);
    }

    /** The reason {@code metric} is null, or null when it was computed. */
    public String skipReason(MetricName metric) {
        for (SkippedMetric skip : skipped) {
            if (skip.metric() == metric) {
                return skip.reason();
            }
        }
        return null;
    }

    /** Metric 1, or null. */
    public CoordinationEfficiency efficiency() {
        return metrics.efficiency();
    }

    /** Metric 2, or null. */
    public CoordinationOverhead overhead() {
        return metrics.overhead();
    }

    /** Metric 3, or null. */
    public ErrorAmplification errorAmplification() {
        return metrics.errorAmplification();
    }

    /** Metric 4, or null. */
    public MessageDensity messageDensity() {
        return metrics.messageDensity();
    }

    /** Metric 5, or null. */
    public RedundancyRate redundancyRate() {
        return metrics.redundancyRate();
    }

    /** Metric 6, or null. */
    public AmdahlCeiling amdahlCeiling() {
        return metrics.amdahlCeiling();
    }

    /** Metric 7, or null. */
    public StragglerGap stragglerGap() {
        return metrics.stragglerGap();
    }

    /** Metric 8, or null. */
    public TokenSpeedupRatio tokenSpeedupRatio() {
        return metrics.tokenSpeedupRatio();
    }

    /** Metric 9, or null. */
    public MessageOverhead messageOverhead() {
        return metrics.messageOverhead();
    }
}
