package dev.vigil.coordination;

import java.util.Objects;
import java.util.stream.Stream;

/**
 * The nine metrics of one collection (coordination.md §2). Every component is nullable: null means the metric was
 * not collected, lacked its inputs or failed (the collector's result says which and why).
 *
 * @param efficiency metric 1
 * @param overhead metric 2
 * @param errorAmplification metric 3
 * @param messageDensity metric 4
 * @param redundancyRate metric 5
 * @param amdahlCeiling metric 6
 * @param stragglerGap metric 7
 * @param tokenSpeedupRatio metric 8
 * @param messageOverhead metric 9
 */
public record CoordinationMetrics(
        CoordinationEfficiency efficiency,
        CoordinationOverhead overhead,
        ErrorAmplification errorAmplification,
        MessageDensity messageDensity,
        RedundancyRate redundancyRate,
        AmdahlCeiling amdahlCeiling,
        StragglerGap stragglerGap,
        TokenSpeedupRatio tokenSpeedupRatio,
        MessageOverhead messageOverhead) {

    /** All nine metrics null. */
    public static final CoordinationMetrics EMPTY =
            new CoordinationMetrics(null, null, null, null, null, null, null, null, null);

    /** The number of non-null metrics. */
    public int computedCount() {
        return (int) Stream.of(
                        efficiency,
                        overhead,
                        errorAmplification,
                        messageDensity,
                        redundancyRate,
                        amdahlCeiling,
                        stragglerGap,
                        tokenSpeedupRatio,
                        messageOverhead)
                .filter(Objects::nonNull)
                .count();
    }

    /** The metric named {@code metric}, or null. */
    public Object get(MetricName metric) {
        return switch (metric) {
            case EFFICIENCY -> efficiency;
            case OVERHEAD -> overhead;
            case ERROR_AMPLIFICATION -> errorAmplification;
            case MESSAGE_DENSITY -> messageDensity;
            case REDUNDANCY -> redundancyRate;
            case AMDAHL_CEILING -> amdahlCeiling;
            case STRAGGLER_GAP -> stragglerGap;
            case TOKEN_SPEEDUP_RATIO -> tokenSpeedupRatio;
            case MESSAGE_OVERHEAD -> messageOverhead;
        };
    }
}
