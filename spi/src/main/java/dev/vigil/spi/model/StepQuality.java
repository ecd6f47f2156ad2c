package dev.vigil.spi.model;

/** Ternary step label, as in AgentProcessBench. */
public enum StepQuality implements WireEnum {
    CORRECT("correct"),
    NEUTRAL("neutral"),
    INCORRECT("incorrect");

    private final String wireName;

    StepQuality(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /**
     * Parses a wire name exactly (case-sensitive).
     *
     * @throws IllegalArgumentException {@code stepQuality must be one of [...], got 'x'}
     */
    public static StepQuality fromWireName(String wireName) {
        return WireEnum.parse(StepQuality.class, "stepQuality", wireName);
    }
}
