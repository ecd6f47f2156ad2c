package dev.vigil.spi.model;

/** Task complexity (routing, trajectory gate). */
public enum Complexity implements WireEnum {
    SIMPLE("simple"),
    MEDIUM("medium"),
    COMPLEX("complex"),
    EPIC("epic");

    private final String wireName;

    Complexity(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /**
     * Parses a wire name exactly (case-sensitive).
     *
     * @throws IllegalArgumentException {@code complexity must be one of [...], got 'x'}
     */
    public static Complexity fromWireName(String wireName) {
        return WireEnum.parse(Complexity.class, "complexity", wireName);
    }
}
