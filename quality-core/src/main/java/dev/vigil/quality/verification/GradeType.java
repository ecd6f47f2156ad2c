package dev.vigil.quality.verification;

import dev.vigil.spi.model.WireEnum;

/** How a rubric criterion is graded. */
public enum GradeType implements WireEnum {
    /** Met or not met. */
    BINARY("binary"),

    /** Met, partly met or not met. */
    TERNARY("ternary"),

    /** A score in [0, 1]. */
    SCORE("score");

    private final String wireName;

    GradeType(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /**
     * Parses a wire name exactly (case-sensitive).
     *
     * @throws IllegalArgumentException {@code gradeType must be one of [...], got 'x'}
     */
    public static GradeType fromWireName(String wireName) {
        return WireEnum.parse(GradeType.class, "gradeType", wireName);
    }
}
