package dev.vigil.spi.model;

/** Why a run or step ended. {@code no_op} marks a task-backed run that produced no artifact; a no-op success counts as a failure. */
public enum TerminationReason implements WireEnum {
    COMPLETED("completed"),
    MAX_TURNS("max_turns"),
    BUDGET_EXHAUSTED("budget_exhausted"),
    SHUTDOWN("shutdown"),
    PARKED("parked"),
    STAGNATION("stagnation"),
    CANCELLED("cancelled"),
    ERROR("error"),
    NO_OP("no_op");

    private final String wireName;

    TerminationReason(String wireName) {
        this.wireName = wireName;
    }

    @Override
    public String wireName() {
        return wireName;
    }

    /**
     * Parses a wire name exactly (case-sensitive).
     *
     * @throws IllegalArgumentException {@code terminationReason must be one of [...], got 'x'}
     */
    public static TerminationReason fromWireName(String wireName) {
        return WireEnum.parse(TerminationReason.class, "terminationReason", wireName);
    }
}
