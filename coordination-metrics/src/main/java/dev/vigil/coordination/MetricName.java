package dev.vigil.coordination;

import dev.vigil.spi.model.WireEnum;

/** The nine coordination metrics, in the order the collector computes them; wire names are used in settings. */
public enum MetricName implements WireEnum {
    EFFICIENCY("efficiency"),
    OVERHEAD("overhead"),
    ERROR_AMPLIFICATION("error_amplification"),
    MESSAGE_DENSITY("message_density"),
    REDUNDANCY("redundancy"),
    AMDAHL_CEILING("amdahl_ceiling"),
    STRAGGLER_GAP("straggler_gap"),
    TOKEN_SPEEDUP_RATIO("token_speedup_ratio"),
    MESSAGE_OVERHEAD("message_overhead");

    private final String wireName;

    MetricName(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /**
     * Parses a wire name exactly (case-sensitive).
     *
     * @throws IllegalArgumentException {@code metric must be one of [efficiency, ...], got 'x'}
     */
    public static MetricName fromWireName(String wireName) {
        return WireEnum.parse(MetricName.class, "metric", wireName);
    }
}
