package dev.vigil.spi.model;

/** Why the health judge raised a ticket. */
public enum EscalationCause implements WireEnum {
    STAGNATION("stagnation"),
    REPEATED_FAILURE("repeated_failure"),
    BUDGET_BREACH("budget_breach"),
    QUALITY_DEGRADATION("quality_degradation"),
    TIMEOUT("timeout");

    private final String wireName;

    EscalationCause(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /**
     * Parses a wire name exactly (case-sensitive).
     *
     * @throws IllegalArgumentException {@code escalationCause must be one of [...], got 'x'}
     */
    public static EscalationCause fromWireName(String wireName) {
        return WireEnum.parse(EscalationCause.class, "escalationCause", wireName);
    }
}
