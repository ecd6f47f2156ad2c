package dev.vigil.trajectory;

import dev.vigil.spi.model.ModelTier;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * What an ideal run of one task type looks like (trajectory.md §8): the yardstick for {@link EfficiencyRatios}.
 * Baselines are versioned by their recording date and refresh-gated: Vigil never updates them from observed runs; a
 * person records a new one. One JSON object of the baseline file (see the package documentation) maps onto this
 * record by component name.
 *
 * @param taskType the key runs are matched on ({@code run.taskType}); not blank
 * @param idealStepCount steps of the ideal run, {@code >= 1}
 * @param idealToolCallCount tool calls of the ideal run, {@code >= 0}
 * @param idealLatencySeconds wall-clock seconds of the ideal run, {@code > 0}
 * @param idealOutputTokens output tokens of the ideal run, {@code >= 1}
 * @param idealStructuralScore structural score of the ideal run, in [0.0, 1.0]
 * @param idealPte prefill token equivalents of the ideal run, {@code > 0}
 * @param recordedAt when the baseline was recorded; its UTC date versions it
 * @param recordedByAgentId who recorded it; not blank
 * @param modelTier the model tier the ideal run used
 * @param notes free text; null becomes {@code ""}
 */
public record IdealTrajectoryBaseline(
        String taskType,
        int idealStepCount,
        int idealToolCallCount,
        double idealLatencySeconds,
        long idealOutputTokens,
        double idealStructuralScore,
        double idealPte,
        Instant recordedAt,
        String recordedByAgentId,
        ModelTier modelTier,
        String notes) {

    private static final DateTimeFormatter VERSION_DATE =
            DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    /** Validates every component; {@code notes} defaults to {@code ""}. */
    public IdealTrajectoryBaseline {
        Checks.notBlank("taskType", taskType);
        Checks.atLeast("idealStepCount", idealStepCount, 1);
        Checks.atLeast("idealToolCallCount", idealToolCallCount, 0);
        Checks.positive("idealLatencySeconds", idealLatencySeconds);
        Checks.atLeast("idealOutputTokens", idealOutputTokens, 1);
        Checks.inUnitInterval("idealStructuralScore", idealStructuralScore);
        Checks.positive("idealPte", idealPte);
        Checks.required("recordedAt", recordedAt);
        Checks.notBlank("recordedByAgentId", recordedByAgentId);
        Checks.required("modelTier", modelTier);
        notes = notes == null ? "" : notes;
    }

    /** A baseline without notes. */
    public IdealTrajectoryBaseline(
            String taskType,
            int idealStepCount,
            int idealToolCallCount,
            double idealLatencySeconds,
            long idealOutputTokens,
            double idealStructuralScore,
            double idealPte,
            Instant recordedAt,
            String recordedByAgentId,
            ModelTier modelTier) {
        this(
                taskType,
                idealStepCount,
                idealToolCallCount,
                idealLatencySeconds,
                idealOutputTokens,
                idealStructuralScore,
                idealPte,
                recordedAt,
                recordedByAgentId,
                modelTier,
                "");
    }

    /** The version stamped on ratios computed against this baseline: {@code <taskType>:<recordedAt as yyyyMMdd UTC>}. */
    public String version() {
        return taskType + ":" + VERSION_DATE.format(recordedAt);
    }
}
