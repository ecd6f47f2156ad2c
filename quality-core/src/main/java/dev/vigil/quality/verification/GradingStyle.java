package dev.vigil.quality.verification;

import dev.vigil.spi.model.WireEnum;

/** How a grader compares artifacts. The built-in heuristic grader grades ABSOLUTE; the others are for plugin graders. */
public enum GradingStyle implements WireEnum {
    /** Each artifact is graded on its own. */
    ABSOLUTE("absolute"),

    /** Graded against other artifacts (no built-in grader uses it). */
    RELATIVE("relative"),

    /** Graded in pairs (no built-in grader uses it). */
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
