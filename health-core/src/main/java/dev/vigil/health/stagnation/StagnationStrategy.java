package dev.vigil.health.stagnation;

import dev.vigil.spi.model.WireEnum;

/** Which stagnation detector runs after each step ({@code engine.stagnation.strategy}, default tool_repetition, D8). */
public enum StagnationStrategy implements WireEnum {
    /** No detector: every step's stagnation verdict is null. */
    OFF("off"),
    /** {@link ToolRepetitionDetector}: repeated tool fingerprints and A-B-A-B cycles. */
    TOOL_REPETITION("tool_repetition"),
    /** {@link QualityErosionDetector}: the structural-erosion composite crosses a threshold. */
    QUALITY_EROSION("quality_erosion");

    private final String wireName;

    StagnationStrategy(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /**
     * Parses a wire name exactly (case-sensitive).
     *
     * @throws IllegalArgumentException {@code stagnationStrategy must be one of [off, tool_repetition,
     *     quality_erosion], got 'x'}
     */
    public static StagnationStrategy fromWireName(String wireName) {
        return WireEnum.parse(StagnationStrategy.class, "stagnationStrategy", wireName);
    }
}
