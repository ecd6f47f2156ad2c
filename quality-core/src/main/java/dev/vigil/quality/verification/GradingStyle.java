package dev.vigil.quality.verification;

import dev.vigil.spi.model.WireEnum;

/** How a grader compares artifacts; only ABSOLUTE is implemented. */
public enum GradingStyle implements WireEnum {
    /** Each artifact is graded on its own. */
    ABSOLUTE("absolute"),

    /** Graded against other artifacts (not implemented). */
    RELATIVE("relative"),

    /** Graded in pairs (not implemented). */
    PAIRWISE("pairwise");

    private final String wireName;

    GradingStyle(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /**
     * Parses a wire name exactly (case-sensitive).
     *
     * @throws IllegalArgumentException {@code gradingStyle must be one of [...], got 'x'}
     */
    public static GradingStyle fromWireName(String wireName) {
        return WireEnum.parse(GradingStyle.class, "gradingStyle", wireName);
    }
}
