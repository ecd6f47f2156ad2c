package dev.vigil.quality.verification;

import dev.vigil.spi.model.WireEnum;

/** The rubric graders a Vigil configuration can name (setting {@code engine.quality.verification.grader}). */
public enum GraderVariant implements WireEnum {
    /** The deterministic substring grader, see {@link HeuristicRubricGrader}. */
    HEURISTIC("heuristic");

    private final String wireName;

    GraderVariant(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /**
     * Parses a wire name exactly (case-sensitive).
     *
     * @throws IllegalArgumentException {@code grader must be one of [...], got 'x'}
     */
    public static GraderVariant fromWireName(String wireName) {
        return WireEnum.parse(GraderVariant.class, "grader", wireName);
    }
}
