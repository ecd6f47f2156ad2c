package dev.vigil.quality.verification;

import dev.vigil.spi.model.WireEnum;

/** Outcome of grading an artifact against a rubric: PASS and REFER let the task proceed (REFER is flagged for human review), FAIL means rework. */
public enum VerificationVerdict implements WireEnum {
    /** The artifact meets the rubric. */
    PASS("pass"),

    /** The artifact misses the rubric; it needs rework. */
    FAIL("fail"),

    /** The grader is not confident enough; a human should look. */
    REFER("refer");

    private final String wireName;

    VerificationVerdict(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /**
     * Parses a wire name exactly (case-sensitive).
     *
     * @throws IllegalArgumentException {@code verdict must be one of [...], got 'x'}
     */
    public static VerificationVerdict fromWireName(String wireName) {
        return WireEnum.parse(VerificationVerdict.class, "verdict", wireName);
    }
}
