package dev.vigil.spi.model;

/** Which signal made a stagnation check fire. */
public enum StagnationReason implements WireEnum {
    TOOL_REPETITION("tool_repetition"),
    CYCLE_DETECTION("cycle_detection"),
    QUALITY_EROSION("quality_erosion");

    private final String wireName;

    StagnationReason(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /**
     * Parses a wire name exactly (case-sensitive).
     *
     * @throws IllegalArgumentException {@code stagnationReason must be one of [...], got 'x'}
     */
    public static StagnationReason fromWireName(String wireName) {
        return WireEnum.parse(StagnationReason.class, "stagnationReason", wireName);
    }
}
